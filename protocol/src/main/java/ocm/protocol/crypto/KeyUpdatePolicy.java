package ocm.protocol.crypto;

/**
 * When a sender moves to its next key generation (pure: counts and times come in as arguments).
 *
 * <p>Due after {@link #MAX_DATAGRAMS_PER_KEY} datagrams or {@link #MAX_KEY_AGE_MILLIS} with one key,
 * whichever comes first. 2^24 datagrams of at most 4096 bytes (2^8 AES blocks) keep AES-128-GCM far
 * inside its confidentiality bound (RFC 9001 6.6 and its appendix B: advantage about 2^-64 here).
 *
 * <p>Never a second update before the first is confirmed: the receiver knows only the next
 * generation, so two quick updates would strand it. Confirmed means the peer has answered
 * something sealed with the current keys (an ACK, ACCEPTED, PONG or WELCOME for it), as QUIC
 * requires an acknowledgement in the current phase (RFC 9001 6.1). Generation 0 needs no confirmation.
 */
public final class KeyUpdatePolicy {
    public static final long MAX_DATAGRAMS_PER_KEY = 1L << 24;
    public static final long MAX_KEY_AGE_MILLIS = 60L * 60 * 1000;

    private final long maxDatagrams;
    private final long maxAgeMillis;

    public KeyUpdatePolicy() {
        this(MAX_DATAGRAMS_PER_KEY, MAX_KEY_AGE_MILLIS);
    }

    /** Smaller limits are for tests; larger ones than the defaults are refused. */
    public KeyUpdatePolicy(long maxDatagrams, long maxAgeMillis) {
        if (maxDatagrams < 1 || maxDatagrams > MAX_DATAGRAMS_PER_KEY) {
            throw new IllegalArgumentException("datagrams per key " + maxDatagrams + ", it must be 1.." + MAX_DATAGRAMS_PER_KEY);
        }
        if (maxAgeMillis < 1 || maxAgeMillis > MAX_KEY_AGE_MILLIS) {
            throw new IllegalArgumentException("key age " + maxAgeMillis + " ms, it must be 1.." + MAX_KEY_AGE_MILLIS);
        }
        this.maxDatagrams = maxDatagrams;
        this.maxAgeMillis = maxAgeMillis;
    }

    /**
     * @param sealedWithCurrentKeys datagrams sealed with the current generation ({@link Sealer#sealedWithCurrentKeys})
     * @param keysSinceMillis when the current generation was installed
     * @param nowMillis the caller's clock, same base
     * @param currentPhaseConfirmed the peer has answered something sealed with the current keys
     */
    public boolean updateDue(long sealedWithCurrentKeys, long keysSinceMillis, long nowMillis, boolean currentPhaseConfirmed) {
        if (!currentPhaseConfirmed) {
            return false;
        }
        return sealedWithCurrentKeys >= maxDatagrams || nowMillis - keysSinceMillis >= maxAgeMillis;
    }

    /**
     * True when the sender must stop sealing with these keys even though the update cannot happen
     * yet (unconfirmed): twice the datagram limit. The session is then ended and the client admits
     * again over TLS with a new secret. Unreachable in practice; it bounds the worst case.
     */
    public boolean exhausted(long sealedWithCurrentKeys) {
        return sealedWithCurrentKeys >= 2 * maxDatagrams;
    }
}
