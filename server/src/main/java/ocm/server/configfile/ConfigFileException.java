package ocm.server.configfile;

import java.nio.file.Path;

/** A config file that cannot be used: says which file, which line (0: the file as a whole) and why. */
public final class ConfigFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Path file;
    private final int line;

    public ConfigFileException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
