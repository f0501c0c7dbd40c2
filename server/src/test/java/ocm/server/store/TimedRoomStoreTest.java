package ocm.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import ocm.server.stats.SaveFigures;
import org.junit.jupiter.api.Test;

/** Saves through {@link TimedRoomStore} are counted, timed, and a failure is kept for /healthz and rethrown. */
class TimedRoomStoreTest {
    private final SaveFigures figures = new SaveFigures();

    private static RoomStore failingOnce() {
        return new RoomStore() {
            private boolean failed;

            @Override
            public Optional<StateSnapshot> load() {
                return Optional.empty();
            }

            @Override
            public void save(StateSnapshot snapshot) throws IOException {
                if (!failed) {
                    failed = true;
                    throw new IOException("No space left on device");
                }
            }
        };
    }

    @Test
    void aFailedSaveIsCountedAndRethrownThenAGoodOneClearsIt() throws Exception {
        TimedRoomStore store = new TimedRoomStore(failingOnce(), figures);
        IOException e = assertThrows(IOException.class, () -> store.save(null));
        assertEquals("No space left on device", e.getMessage());
        assertEquals(1, figures.failures());
        assertEquals(0, figures.saves());
        assertEquals(Optional.of("No space left on device"), figures.lastFailure());
        store.save(null);
        assertEquals(1, figures.saves());
        assertEquals(2, figures.attempts());
        assertEquals(Optional.empty(), figures.lastFailure());
        assertTrue(figures.lastSavedAt() > 0);
        assertTrue(figures.totalSeconds() >= 0);
    }

    @Test
    void loadsPassThrough() throws Exception {
        assertSame(Optional.empty(), new TimedRoomStore(failingOnce(), figures).load());
    }
}
