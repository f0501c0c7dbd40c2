package ocm.protocol.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import ocm.protocol.ProtocolException;
import ocm.protocol.crypto.CryptoUnavailableException;

/**
 * The SHA-256 of a public key, written as {@code ssh-keygen -l} writes it: {@code SHA256:} and
 * base64 without padding (43 characters). What it hashes depends on the key's use, and is fixed:
 * <ul>
 *   <li>a member's Ed25519 key (owned names, the SSH door): its SSH wire encoding, so the value
 *       is exactly what {@code ssh-keygen -lf key.pub} prints ({@link Ed25519Keys#fingerprint});</li>
 *   <li>the server's TLS key: its X.509 SubjectPublicKeyInfo DER ({@link #ofPublicKeyInfo}), any
 *       algorithm; {@code openssl x509 -pubkey -noout | openssl pkey -pubin -outform DER |
 *       openssl dgst -sha256 -binary | base64} shows the same bytes (with '=' padding).</li>
 * </ul>
 */
public final class Fingerprint {
    public static final String PREFIX = "SHA256:";
    private static final int HASH_BYTES = 32;
    private static final int TEXT_CHARS = 43;

    private final byte[] sha256;

    private Fingerprint(byte[] sha256) {
        this.sha256 = sha256;
    }

    /** The fingerprint of these exact bytes. */
    public static Fingerprint of(byte[] encoded) {
        return new Fingerprint(sha256(encoded));
    }

    /** The server's fingerprint: over the key's X.509 SubjectPublicKeyInfo encoding. */
    public static Fingerprint ofPublicKeyInfo(PublicKey key) {
        return of(key.getEncoded());
    }

    /** From a digest already made (e.g. a certificate's hash); must be 32 bytes. */
    public static Fingerprint ofDigest(byte[] sha256) {
        if (sha256.length != HASH_BYTES) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes, not " + sha256.length);
        }
        return new Fingerprint(sha256.clone());
    }

    /** Reads {@code SHA256:} + 43 base64 characters, as {@link #toString} writes it. */
    public static Fingerprint parse(String text) throws ProtocolException {
        if (!text.startsWith(PREFIX)) {
            throw new ProtocolException("fingerprint '" + text + "' does not start with " + PREFIX);
        }
        String b64 = text.substring(PREFIX.length());
        if (b64.length() != TEXT_CHARS) {
            throw new ProtocolException("fingerprint '" + text + "' has " + b64.length() + " characters after " + PREFIX
                    + ", a SHA-256 one has " + TEXT_CHARS);
        }
        try {
            byte[] raw = Base64.getDecoder().decode(b64);
            // The 43rd character carries 2 spare bits; the canonical form has them zero.
            if (!encode(raw).equals(b64)) {
                throw new ProtocolException("fingerprint '" + text + "' is not canonical base64");
            }
            return new Fingerprint(raw);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("fingerprint '" + text + "' is not base64: " + e.getMessage());
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoUnavailableException("SHA-256", e);
        }
    }

    public byte[] digest() {
        return sha256.clone();
    }

    private static String encode(byte[] raw) {
        return Base64.getEncoder().withoutPadding().encodeToString(raw);
    }

    @Override
    public String toString() {
        return PREFIX + encode(sha256);
    }

    /** Constant time: fingerprints are compared against a pin. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && MessageDigest.isEqual(f.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }
}
