package ocm.protocol.crypto;

import java.util.Arrays;

/**
 * One direction's secret at one key generation (QUIC's "traffic secret"): the AES-128 key and the
 * 12-byte IV come from it, and so does the next generation's secret (key update). Generation 0 is
 * the one {@link SessionKeys} derives; the key phase bit on the wire is the generation's low bit.
 */
public final class TrafficSecret {
    public static final int SECRET_BYTES = 32;
    public static final int KEY_BYTES = 16;
    public static final int IV_BYTES = 12;

    private final byte[] secret;
    private final long generation;

    public TrafficSecret(byte[] secret, long generation) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("traffic secret is " + secret.length + " bytes, it must be " + SECRET_BYTES);
        }
        if (generation < 0) {
            throw new IllegalArgumentException("key generation " + generation + " is negative");
        }
        this.secret = secret.clone();
        this.generation = generation;
    }

    public long generation() {
        return generation;
    }

    /** The key phase bit this generation's datagrams carry: 0 or 1. */
    public int phase() {
        return (int) (generation & 1);
    }

    /** AES-128 key = HKDF-Expand(secret, "ocm1 key", 16). */
    public byte[] key() {
        return Hkdf.expand(secret, Labels.KEY, KEY_BYTES);
    }

    /** IV = HKDF-Expand(secret, "ocm1 iv", 12); a datagram's nonce is this IV xor its packet number. */
    public byte[] iv() {
        return Hkdf.expand(secret, Labels.IV, IV_BYTES);
    }

    /** The next generation: HKDF-Expand(secret, "ocm1 ku", 32), as QUIC's key update (RFC 9001 6.1). */
    public TrafficSecret next() {
        return new TrafficSecret(Hkdf.expand(secret, Labels.KEY_UPDATE, SECRET_BYTES), generation + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficSecret t && t.generation == generation && Arrays.equals(t.secret, secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret) * 31 + Long.hashCode(generation);
    }

    /** Never prints the secret: logs must not carry keys. */
    @Override
    public String toString() {
        return "TrafficSecret[generation " + generation + "]";
    }
}
