package ocm.server.store;

import java.io.IOException;
import java.util.Optional;
import ocm.server.stats.SaveFigures;

/** A {@link RoomStore} that counts and times each save into {@link SaveFigures}; loads pass through. */
public final class TimedRoomStore implements RoomStore {
    private final RoomStore store;
    private final SaveFigures figures;

    public TimedRoomStore(RoomStore store, SaveFigures figures) {
        this.store = store;
        this.figures = figures;
    }

    @Override
    public Optional<StateSnapshot> load() throws IOException {
        return store.load();
    }

    @Override
    public void save(StateSnapshot snapshot) throws IOException {
        long start = System.nanoTime();
        try {
            store.save(snapshot);
        } catch (IOException | RuntimeException e) {
            figures.failed(System.nanoTime() - start, String.valueOf(e.getMessage()));
            throw e;
        }
        figures.saved(System.nanoTime() - start, System.currentTimeMillis());
    }
}
