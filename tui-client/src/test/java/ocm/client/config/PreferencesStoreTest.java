package ocm.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {
    @TempDir
    Path dir;

    @Test
    void changesAreSavedBesideTheSettingsAndComeBack() {
        PreferencesStore store = PreferencesStore.besides(new SettingsStore(dir.resolve("client.json")));
        assertEquals(dir.resolve("preferences.json"), store.file());
        assertEquals(Preferences.DEFAULTS, store.current());
        store.update(store.current().withNotify("lobby", "all").withIgnored("eve", true)
                .with("joins", "smart").orElseThrow().with("bell", "off").orElseThrow());
        Preferences back = new PreferencesStore(store.file()).load();
        assertEquals("all", back.notifyLevel("lobby"));
        assertEquals("mentions", back.notifyLevel("elsewhere"));
        assertEquals(List.of("eve"), back.ignored());
        assertEquals("smart", back.joins());
        assertEquals(false, back.bell());
        assertEquals(back, store.current());
    }

    @Test
    void unknownSettingsAndValuesAreRefusedAndChangeNothing() {
        assertTrue(Preferences.DEFAULTS.with("joins", "some").isEmpty());
        assertTrue(Preferences.DEFAULTS.with("colour", "on").isEmpty());
        assertEquals("all", Preferences.DEFAULTS.joins());
    }

    @Test
    void anOlderOrBrokenFileMeansTheDefaultsForWhatIsMissing() throws Exception {
        PreferencesStore store = new PreferencesStore(dir.resolve("preferences.json"));
        Files.writeString(store.file(), "{\"bell\": false, \"joins\": \"bogus\"}");
        Preferences p = store.load();
        assertEquals(false, p.bell());
        assertEquals("all", p.joins());
        assertEquals("auto", p.desktop());
        assertEquals(List.of(), p.ignored());
        Files.writeString(store.file(), "{not json");
        assertEquals(Preferences.DEFAULTS, store.load());
    }
}
