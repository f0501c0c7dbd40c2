package ocm.protocol.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import ocm.protocol.Limits;

/**
 * Seals the datagrams of one session in one direction: header, then AES-128-GCM of the inner v2
 * packets with the header as associated data. Holds its own {@link Cipher} (a Cipher shared and
 * re-keyed per packet measured 3x slower) and numbers the datagrams itself, so a packet number is
 * never used twice with one key. Not thread-safe: one sending thread per session and direction.
 */
public final class Sealer {
    private final long sessionId;
    private final Cipher cipher;
    private final byte[] nonce = new byte[TrafficSecret.IV_BYTES];
    private AeadKeys keys;
    private long nextPacketNumber;
    private long sealedWithCurrentKeys;

    public Sealer(TrafficSecret secret, long sessionId) {
        this(secret, sessionId, 0);
    }

    /** Starting elsewhere than 0 is for golden vectors and tests. */
    public Sealer(TrafficSecret secret, long sessionId, long firstPacketNumber) {
        if (firstPacketNumber < 0) {
            throw new IllegalArgumentException("packet number " + firstPacketNumber + " is negative");
        }
        this.sessionId = sessionId;
        this.cipher = newCipher();
        this.keys = new AeadKeys(secret);
        this.nextPacketNumber = firstPacketNumber;
    }

    static Cipher newCipher() {
        try {
            return Cipher.getInstance(AeadKeys.TRANSFORMATION);
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new CryptoUnavailableException(AeadKeys.TRANSFORMATION, e);
        }
    }

    /**
     * Seals {@code len} bytes of inner packets from {@code plain[off..]} into {@code out[outOff..]}
     * and returns the datagram's length ({@code len + OVERHEAD}). In place works: put the inner
     * packets at {@code out[outOff + HEADER_BYTES]} and pass the same array and that offset.
     */
    public int seal(byte[] plain, int off, int len, byte[] out, int outOff) {
        if (len < 0 || len > SealedHeader.MAX_PLAINTEXT) {
            throw new IllegalArgumentException("inner packets of " + len + " bytes, a sealed datagram carries at most "
                    + SealedHeader.MAX_PLAINTEXT + " within " + Limits.MAX_DATAGRAM);
        }
        int total = len + SealedHeader.OVERHEAD;
        if (out.length - outOff < total) {
            throw new IllegalArgumentException("output has " + (out.length - outOff) + " bytes, the sealed datagram needs " + total);
        }
        if (nextPacketNumber == Long.MAX_VALUE) {
            throw new IllegalStateException("packet numbers of session " + Long.toHexString(sessionId) + " are used up");
        }
        long pn = nextPacketNumber;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, keys.key, keys.nonce(pn, nonce));
            SealedHeader.write(out, outOff, keys.secret.phase(), sessionId, pn);
            cipher.updateAAD(out, outOff, SealedHeader.HEADER_BYTES);
            cipher.doFinal(plain, off, len, out, outOff + SealedHeader.HEADER_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused to seal: " + e.getMessage(), e);
        }
        nextPacketNumber = pn + 1;
        sealedWithCurrentKeys++;
        return total;
    }

    /** Moves to the next key generation (see {@link KeyUpdatePolicy} for when). */
    public void updateKeys() {
        keys = new AeadKeys(keys.secret.next());
        sealedWithCurrentKeys = 0;
    }

    public long generation() {
        return keys.secret.generation();
    }

    public long nextPacketNumber() {
        return nextPacketNumber;
    }

    public long sealedWithCurrentKeys() {
        return sealedWithCurrentKeys;
    }

    public long sessionId() {
        return sessionId;
    }
}
