package ocm.protocol.crypto;

/**
 * The key schedule of one member session: from the 32-byte secret and the 64-bit session id the
 * server hands out inside TLS, one {@link TrafficSecret} per direction.
 *
 * <pre>
 * prk = HKDF-Extract(salt = session id (8 bytes, big-endian), ikm = session secret)
 * c2s = HKDF-Expand(prk, "ocm1 c2s", 32)      client -> server, generation 0
 * s2c = HKDF-Expand(prk, "ocm1 s2c", 32)      server -> client, generation 0
 * </pre>
 */
public final class SessionKeys {
    public static final int SESSION_SECRET_BYTES = 32;

    private final TrafficSecret clientToServer;
    private final TrafficSecret serverToClient;

    private SessionKeys(TrafficSecret clientToServer, TrafficSecret serverToClient) {
        this.clientToServer = clientToServer;
        this.serverToClient = serverToClient;
    }

    public static SessionKeys derive(byte[] sessionSecret, long sessionId) {
        if (sessionSecret.length != SESSION_SECRET_BYTES) {
            throw new IllegalArgumentException("session secret is " + sessionSecret.length + " bytes, it must be " + SESSION_SECRET_BYTES);
        }
        byte[] prk = Hkdf.extract(SealedHeader.sessionIdBytes(sessionId), sessionSecret);
        return new SessionKeys(
                new TrafficSecret(Hkdf.expand(prk, Direction.CLIENT_TO_SERVER.label(), TrafficSecret.SECRET_BYTES), 0),
                new TrafficSecret(Hkdf.expand(prk, Direction.SERVER_TO_CLIENT.label(), TrafficSecret.SECRET_BYTES), 0));
    }

    /** Generation 0 of the secret for datagrams travelling {@code d}. */
    public TrafficSecret secret(Direction d) {
        return d == Direction.CLIENT_TO_SERVER ? clientToServer : serverToClient;
    }
}
