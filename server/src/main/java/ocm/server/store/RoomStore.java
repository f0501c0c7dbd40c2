package ocm.server.store;

import java.io.IOException;
import java.util.Optional;

/** Where the server's state lives between runs. */
public interface RoomStore {
    /** The saved state, or empty when there is none (or it could not be read and was moved aside). */
    Optional<StateSnapshot> load() throws IOException;

    /** Replaces the saved state atomically: after a crash, either the old or the new file is there. */
    void save(StateSnapshot snapshot) throws IOException;

    /** A store that keeps nothing (no data dir). */
    static RoomStore none() {
        return new RoomStore() {
            @Override
            public Optional<StateSnapshot> load() {
                return Optional.empty();
            }

            @Override
            public void save(StateSnapshot snapshot) {
            }
        };
    }
}
