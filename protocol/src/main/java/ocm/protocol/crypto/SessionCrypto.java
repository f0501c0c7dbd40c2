package ocm.protocol.crypto;

/**
 * One end of a member session's sealed channel: a {@link Sealer} for what this end sends and an
 * {@link Opener} for what it receives, with the directions the right way round (a client seals
 * client-to-server and opens server-to-client; the server the opposite), so the wiring cannot mix them.
 */
public record SessionCrypto(Sealer sealer, Opener opener) {
    public static SessionCrypto client(byte[] sessionSecret, long sessionId) {
        SessionKeys keys = SessionKeys.derive(sessionSecret, sessionId);
        return new SessionCrypto(new Sealer(keys.secret(Direction.CLIENT_TO_SERVER), sessionId),
                new Opener(keys.secret(Direction.SERVER_TO_CLIENT), sessionId));
    }

    public static SessionCrypto server(byte[] sessionSecret, long sessionId) {
        SessionKeys keys = SessionKeys.derive(sessionSecret, sessionId);
        return new SessionCrypto(new Sealer(keys.secret(Direction.SERVER_TO_CLIENT), sessionId),
                new Opener(keys.secret(Direction.CLIENT_TO_SERVER), sessionId));
    }
}
