package ocm.client.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The last values used on the connect screen, in ${XDG_CONFIG_HOME:-~/.config}/ocm/client.json.
 * A missing or broken file just means no remembered values.
 */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private final Path file;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore forUser(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return new SettingsStore(base.resolve("ocm").resolve("client.json"));
    }

    public Path file() {
        return file;
    }

    public ClientSettings load() {
        if (!Files.isRegularFile(file)) {
            return ClientSettings.EMPTY;
        }
        try {
            ClientSettings s = gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), ClientSettings.class);
            return s == null ? ClientSettings.EMPTY : s;
        } catch (IOException | JsonParseException e) {
            LOG.fine("ignoring unreadable " + file + ": " + e.getMessage());
            return ClientSettings.EMPTY;
        }
    }

    /** Saves atomically (write a temporary file, then move it over the old one). */
    public void save(ClientSettings s) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, gson.toJson(s), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.fine("cannot save " + file + ": " + e.getMessage());
        }
    }
}
