package ocm.server.configfile;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --print-config}, mixed into {@code ./chat server}. */
public final class ConfigFileOptions {
    /** Read from the data dir when no --config is given. */
    public static final String DEFAULT_FILE = "server.conf";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read settings from FILE (key = value lines, keys are these flags without --; flags given here win)."
                    + " Default: " + DEFAULT_FILE + " in the data dir, if there is one.")
    Path config;

    @Option(names = "--print-config", description = "Print the effective settings and where each came from, then exit.")
    boolean printConfig;

    public boolean printConfig() {
        return printConfig;
    }

    /**
     * Applies {@code --config FILE}, or else {@code server.conf} in the data dir if it exists, to
     * the parsed command. {@code dataDir} gives the data dir the command would use.
     */
    public ConfigApplier apply(CommandSpec spec, Supplier<Object> freshCommand, Supplier<Path> dataDir) throws ConfigFileException {
        ConfigApplier applier = new ConfigApplier(spec, freshCommand);
        Optional<Path> file = config != null ? Optional.of(config) : Optional.of(dataDir.get().resolve(DEFAULT_FILE)).filter(Files::isRegularFile);
        if (file.isPresent()) {
            applier.apply(ConfigFile.read(file.get()));
        }
        return applier;
    }

    /** The effective settings as a config file, each line saying where its value came from. */
    public static void print(List<Setting> settings, PrintWriter out) {
        out.println("# effective settings of 'chat server' (this output is itself a valid config file)");
        int width = settings.stream().mapToInt(s -> s.line().length()).max().orElse(0);
        for (Setting s : settings) {
            String line = s.line();
            out.println(line + " ".repeat(width - line.length()) + "   # " + (s.value() == null ? "not set, " : "") + s.source());
        }
        out.flush();
    }
}
