package ocm.server.config;

/**
 * The limits that keep one client (or one bad file) from costing everyone else: how fast an IP may
 * make rooms, how many of its TCRP requests are worked on at once, how many wrong passwords it may
 * try, how big a state file may be read. Kept apart from {@link ServerConfig} so each can
 * grow without touching the other; {@link #defaults()} is what {@code ./chat server} uses.
 *
 * @param maxStateFileBytes    a state file larger than this is moved aside unread (a symlink to
 *                             /dev/zero or a runaway file must not hang the start)
 * @param roomCreateBurst      rooms one IP may create at once...
 * @param roomCreatesPerSecond ...and how fast that allowance comes back
 * @param maxRequestsInFlightPerIp TCRP requests of one IP being worked on at once; beyond it a
 *                             request is refused SERVER_FULL at once, without queueing
 * @param wrongPasswordBurst   wrong passwords one IP may try on one room...
 * @param wrongPasswordsPerSecond ...and how fast that allowance comes back (each try costs PBKDF2)
 */
public record AbuseLimits(long maxStateFileBytes, int roomCreateBurst, double roomCreatesPerSecond,
                          int maxRequestsInFlightPerIp, int wrongPasswordBurst, double wrongPasswordsPerSecond,
                          java.time.Duration hostRegisterGrace) {
    public AbuseLimits {
        if (hostRegisterGrace == null || hostRegisterGrace.isNegative() || hostRegisterGrace.isZero()) {
            throw new IllegalArgumentException("host register grace must be a positive duration, got " + hostRegisterGrace);
        }
        if (maxStateFileBytes <= 0) {
            throw new IllegalArgumentException("max state file bytes must be > 0, got " + maxStateFileBytes);
        }
        if (roomCreateBurst <= 0 || !(roomCreatesPerSecond > 0)) {
            throw new IllegalArgumentException("room creation burst and rate must be > 0, got "
                    + roomCreateBurst + " and " + roomCreatesPerSecond);
        }
        if (maxRequestsInFlightPerIp <= 0) {
            throw new IllegalArgumentException("max requests in flight per IP must be > 0, got " + maxRequestsInFlightPerIp);
        }
        if (wrongPasswordBurst <= 0 || !(wrongPasswordsPerSecond > 0)) {
            throw new IllegalArgumentException("wrong password burst and rate must be > 0, got "
                    + wrongPasswordBurst + " and " + wrongPasswordsPerSecond);
        }
    }

    /**
     * The default cap on the state file's size (256 MiB), as the store's own default: stated here
     * too because config is a leaf package that knows no store.
     */
    public static final long DEFAULT_MAX_STATE_FILE_BYTES = 256L * 1024 * 1024;

    public static AbuseLimits defaults() {
        return new AbuseLimits(DEFAULT_MAX_STATE_FILE_BYTES, 20, 1.0, 8, 5, 0.1, java.time.Duration.ofSeconds(30));
    }

    public AbuseLimits withMaxStateFileBytes(long n) {
        return new AbuseLimits(n, roomCreateBurst, roomCreatesPerSecond, maxRequestsInFlightPerIp,
                wrongPasswordBurst, wrongPasswordsPerSecond, hostRegisterGrace);
    }

    public AbuseLimits withRoomCreation(int burst, double perSecond) {
        return new AbuseLimits(maxStateFileBytes, burst, perSecond, maxRequestsInFlightPerIp,
                wrongPasswordBurst, wrongPasswordsPerSecond, hostRegisterGrace);
    }

    public AbuseLimits withMaxRequestsInFlightPerIp(int n) {
        return new AbuseLimits(maxStateFileBytes, roomCreateBurst, roomCreatesPerSecond, n,
                wrongPasswordBurst, wrongPasswordsPerSecond, hostRegisterGrace);
    }

    public AbuseLimits withWrongPasswords(int burst, double perSecond) {
        return new AbuseLimits(maxStateFileBytes, roomCreateBurst, roomCreatesPerSecond, maxRequestsInFlightPerIp,
                burst, perSecond, hostRegisterGrace);
    }

    /**
     * How long a room's host has to register over UDP after creating it: a room whose host never
     * does is removed, so rooms made over TCP alone (squatters) cannot fill the server.
     */
    public AbuseLimits withHostRegisterGrace(java.time.Duration d) {
        return new AbuseLimits(maxStateFileBytes, roomCreateBurst, roomCreatesPerSecond, maxRequestsInFlightPerIp,
                wrongPasswordBurst, wrongPasswordsPerSecond, d);
    }
}
