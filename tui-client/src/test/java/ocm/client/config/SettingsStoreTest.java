package ocm.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedValuesComeBackAndXdgConfigHomeIsUsed() {
        SettingsStore s = SettingsStore.forUser(Map.of("XDG_CONFIG_HOME", dir.toString()));
        assertEquals(dir.resolve("ocm").resolve("client.json"), s.file());
        assertEquals(ClientSettings.EMPTY, s.load());
        s.save(new ClientSettings("10.0.0.1", 1, 2, "zoe"));
        assertEquals(new ClientSettings("10.0.0.1", 1, 2, "zoe"), s.load());
    }

    @Test
    void flagsThenSavedThenDefaults() {
        ClientSettings flags = new ClientSettings(null, 7000, null, null);
        ClientSettings saved = new ClientSettings("example", null, null, "amy");
        assertEquals(new ClientSettings("example", 7000, 9091, "amy"), flags.or(saved).or(ClientSettings.DEFAULTS));
    }

    @Test
    void brokenFileMeansNoValues() throws Exception {
        SettingsStore s = new SettingsStore(dir.resolve("client.json"));
        Files.writeString(s.file(), "{not json");
        assertEquals(ClientSettings.EMPTY, s.load());
    }
}
