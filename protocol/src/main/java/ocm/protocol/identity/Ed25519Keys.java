package ocm.protocol.identity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import ocm.protocol.ProtocolException;
import ocm.protocol.crypto.CryptoUnavailableException;

/**
 * Ed25519 public keys between the JDK's form (X.509 SubjectPublicKeyInfo), the raw 32 bytes, and
 * OpenSSH's (the wire encoding {@code string "ssh-ed25519", string key} and the
 * {@code ssh-ed25519 AAAA... comment} line of a .pub file). A member's identity is one of these keys;
 * the SSH door sees the same keys from OpenSSH, so both print the same fingerprint.
 */
public final class Ed25519Keys {
    public static final String ALGORITHM = "Ed25519";
    public static final String SSH_TYPE = "ssh-ed25519";
    public static final int RAW_BYTES = 32;
    /** DER of SubjectPublicKeyInfo { AlgorithmIdentifier { 1.3.101.112 }, BIT STRING (33 bytes) }. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Keys() {
    }

    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
            g.initialize(255, random);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoUnavailableException(ALGORITHM, e);
        }
    }

    /** The 32 key bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != X509_PREFIX.length + RAW_BYTES
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** The JDK key for 32 raw bytes (any 32 bytes; a point that is not on the curve fails later, in verify). */
    public static PublicKey fromRaw(byte[] raw) throws ProtocolException {
        if (raw.length != RAW_BYTES) {
            throw new ProtocolException("an Ed25519 public key is 32 bytes, not " + raw.length);
        }
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_BYTES);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, RAW_BYTES);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoUnavailableException(ALGORITHM, e);
        } catch (InvalidKeySpecException e) {
            throw new ProtocolException("not a usable Ed25519 public key: " + e.getMessage());
        }
    }

    /** RFC 8709: {@code string "ssh-ed25519"} then {@code string key}, each a u32 length and bytes. */
    public static byte[] sshWireEncoding(PublicKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(51);
        writeString(out, SSH_TYPE.getBytes(StandardCharsets.US_ASCII));
        writeString(out, raw(key));
        return out.toByteArray();
    }

    /** What {@code ssh-keygen -l} prints for this key: SHA-256 of its SSH wire encoding. */
    public static Fingerprint fingerprint(PublicKey key) {
        return Fingerprint.of(sshWireEncoding(key));
    }

    /** The line of an OpenSSH .pub file, without comment: {@code ssh-ed25519 AAAA...}. */
    public static String openSshLine(PublicKey key) {
        return SSH_TYPE + " " + Base64.getEncoder().encodeToString(sshWireEncoding(key));
    }

    /** Reads an OpenSSH public key line ({@code ssh-ed25519 BASE64 [comment]}). */
    public static PublicKey parseOpenSsh(String line) throws ProtocolException {
        String[] parts = line.trim().split("\\s+", 3);
        if (parts.length < 2 || !parts[0].equals(SSH_TYPE)) {
            throw new ProtocolException("not an ssh-ed25519 public key line: '" + line + "'");
        }
        byte[] wire;
        try {
            wire = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("the key of an ssh-ed25519 line is not base64: " + e.getMessage());
        }
        byte[] type = SSH_TYPE.getBytes(StandardCharsets.US_ASCII);
        int keyAt = 4 + type.length + 4;
        if (wire.length != keyAt + RAW_BYTES || readU32(wire, 0) != type.length
                || !Arrays.equals(wire, 4, 4 + type.length, type, 0, type.length)
                || readU32(wire, 4 + type.length) != RAW_BYTES) {
            throw new ProtocolException("the key of an ssh-ed25519 line is not string \"ssh-ed25519\" + string (32 bytes)");
        }
        return fromRaw(Arrays.copyOfRange(wire, keyAt, wire.length));
    }

    private static void writeString(ByteArrayOutputStream out, byte[] s) {
        out.write(s.length >>> 24);
        out.write(s.length >>> 16);
        out.write(s.length >>> 8);
        out.write(s.length);
        out.writeBytes(s);
    }

    private static long readU32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
