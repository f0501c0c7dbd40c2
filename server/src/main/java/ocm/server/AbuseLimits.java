package ocm.server;

/**
 * The limits that keep one client (or one bad file) from costing everyone else: how fast an IP may
 * make rooms, how big a state file may be read. Kept apart from {@link ServerConfig} so each can
 * grow without touching the other; {@link #defaults()} is what {@code ./chat server} uses.
 *
 * @param maxStateFileBytes    a state file larger than this is moved aside unread (a symlink to
 *                             /dev/zero or a runaway file must not hang the start)
 * @param roomCreateBurst      rooms one IP may create at once...
 * @param roomCreatesPerSecond ...and how fast that allowance comes back
 */
public record AbuseLimits(long maxStateFileBytes, int roomCreateBurst, double roomCreatesPerSecond) {
    public AbuseLimits {
        if (maxStateFileBytes <= 0) {
            throw new IllegalArgumentException("max state file bytes must be > 0, got " + maxStateFileBytes);
        }
        if (roomCreateBurst <= 0 || !(roomCreatesPerSecond > 0)) {
            throw new IllegalArgumentException("room creation burst and rate must be > 0, got "
                    + roomCreateBurst + " and " + roomCreatesPerSecond);
        }
    }

    public static AbuseLimits defaults() {
        return new AbuseLimits(ocm.server.store.JsonRoomStore.DEFAULT_MAX_BYTES, 20, 1.0);
    }

    public AbuseLimits withMaxStateFileBytes(long n) {
        return new AbuseLimits(n, roomCreateBurst, roomCreatesPerSecond);
    }

    public AbuseLimits withRoomCreation(int burst, double perSecond) {
        return new AbuseLimits(maxStateFileBytes, burst, perSecond);
    }
}
