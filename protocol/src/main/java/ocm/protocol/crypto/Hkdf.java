package ocm.protocol.crypto;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), on the JDK's {@code Mac("HmacSHA256")}: JDK 17 has no KDF API.
 * Used only when keys are made (admission, key update), never per datagram, so it allocates freely.
 */
public final class Hkdf {
    /** Output size of SHA-256, the size of a pseudorandom key. */
    public static final int HASH_LEN = 32;
    /** RFC 5869: at most 255 blocks of output. */
    public static final int MAX_OUTPUT = 255 * HASH_LEN;
    private static final String HMAC = "HmacSHA256";

    private Hkdf() {
    }

    /** HKDF-Extract(salt, ikm) = HMAC(salt, ikm); an empty salt means HASH_LEN zero bytes (RFC 5869 2.2). */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] key = salt.length == 0 ? new byte[HASH_LEN] : salt;
        Mac mac = mac(key);
        return mac.doFinal(ikm);
    }

    /** HKDF-Expand(prk, info, length): T(1) | T(2) | ... cut to length. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > MAX_OUTPUT) {
            throw new IllegalArgumentException("HKDF output of " + length + " bytes, it must be 0.." + MAX_OUTPUT);
        }
        if (prk.length < HASH_LEN) {
            throw new IllegalArgumentException("pseudorandom key is " + prk.length + " bytes, it must be at least " + HASH_LEN);
        }
        Mac mac = mac(prk);
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            mac.update(t);
            mac.update(info);
            mac.update((byte) i);
            t = mac.doFinal();
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new CryptoUnavailableException(HMAC, e);
        }
    }
}
