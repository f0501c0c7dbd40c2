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
import java.util.logging.Logger;

/**
 * The user's {@link Preferences}, in {@code preferences.json} beside the connect screen's
 * {@code client.json}. A missing or broken file means the defaults; saving is atomic.
 */
public final class PreferencesStore {
    private static final Logger LOG = Logger.getLogger(PreferencesStore.class.getName());
    private final Path file;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();
    /** What is in force this run: read once, then changed only through {@link #update}. */
    private Preferences current;

    public PreferencesStore(Path file) {
        this.file = file;
    }

    /** Beside the settings file of {@code settings}. */
    public static PreferencesStore besides(SettingsStore settings) {
        return new PreferencesStore(settings.file().resolveSibling("preferences.json"));
    }

    public Path file() {
        return file;
    }

    public Preferences load() {
        if (!Files.isRegularFile(file)) {
            return Preferences.DEFAULTS;
        }
        try {
            Preferences p = gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), Preferences.class);
            return p == null ? Preferences.DEFAULTS : p.complete();
        } catch (IOException | JsonParseException e) {
            LOG.fine("ignoring unreadable " + file + ": " + e.getMessage());
            return Preferences.DEFAULTS;
        }
    }

    /** The preferences in force (read from the file the first time). One thread only (the UI's). */
    public Preferences current() {
        if (current == null) {
            current = load();
        }
        return current;
    }

    /** Puts {@code p} in force and saves it. */
    public void update(Preferences p) {
        current = p;
        save(p);
    }

    /** Saves atomically; a failure is logged, the preferences stay in force for this run. */
    public void save(Preferences p) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, gson.toJson(p), StandardCharsets.UTF_8);
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
