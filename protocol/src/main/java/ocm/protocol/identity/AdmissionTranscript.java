package ocm.protocol.identity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Objects;
import ocm.protocol.Utf8;
import ocm.protocol.crypto.CryptoUnavailableException;
import ocm.protocol.tcrp.Operation;

/**
 * What a member signs to claim its name at create or join: the server's nonce (sent inside this
 * TLS connection), the SHA-256 of the server's certificate, the operation, the room and the name.
 * JDK 17 has no TLS exporter, so nonce + certificate hash is what binds a signature to this server
 * and this connection: it cannot be replayed to another server, another connection or another room.
 *
 * <p>Canonical encoding (every field length-prefixed, so no two transcripts encode alike):
 * <pre>
 * u8 16  "ocm1 admission\0\0"  domain label: a signature made for anything else never verifies here
 * u8 32  server nonce
 * u8 32  SHA-256 of the server certificate (DER)
 * u8     operation (TCRP code: 1 create, 2 join)
 * u8 R   room name, UTF-8 (1..255 bytes)
 * u8 N   user name, UTF-8 (1..255 bytes)
 * </pre>
 * Signed with Ed25519, whose signature also covers the public key, so it needs no field of its own.
 */
public record AdmissionTranscript(byte[] serverNonce, byte[] certificateSha256, Operation operation, String room, String name) {
    public static final int NONCE_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    static final byte[] DOMAIN = "ocm1 admission\0\0".getBytes(StandardCharsets.US_ASCII);

    public AdmissionTranscript {
        if (serverNonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("server nonce is " + serverNonce.length + " bytes, it must be " + NONCE_BYTES);
        }
        if (certificateSha256.length != 32) {
            throw new IllegalArgumentException("certificate hash is " + certificateSha256.length + " bytes, a SHA-256 is 32");
        }
        if (operation == Operation.LIST_ROOMS) {
            throw new IllegalArgumentException("only create and join claim a name");
        }
        serverNonce = serverNonce.clone();
        certificateSha256 = certificateSha256.clone();
        checkText("room name", room);
        checkText("user name", name);
    }

    private static void checkText(String what, String s) {
        int n = Utf8.encode(s).length;
        if (n < 1 || n > 255) {
            throw new IllegalArgumentException(what + " is " + n + " bytes, it must be 1..255");
        }
    }

    @Override
    public byte[] serverNonce() {
        return serverNonce.clone();
    }

    @Override
    public byte[] certificateSha256() {
        return certificateSha256.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdmissionTranscript t && Arrays.equals(t.serverNonce, serverNonce)
                && Arrays.equals(t.certificateSha256, certificateSha256)
                && t.operation == operation && t.room.equals(room) && t.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(serverNonce), Arrays.hashCode(certificateSha256), operation, room, name);
    }

    @Override
    public String toString() {
        return "AdmissionTranscript[" + operation + " '" + room + "' as '" + name + "']";
    }

    /** The exact bytes signed. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        field(out, DOMAIN);
        field(out, serverNonce);
        field(out, certificateSha256);
        out.write(operation.code());
        field(out, Utf8.encode(room));
        field(out, Utf8.encode(name));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] b) {
        out.write(b.length);
        out.writeBytes(b);
    }

    /** The 64-byte Ed25519 signature of {@link #encode}. */
    public byte[] sign(PrivateKey key) {
        try {
            Signature s = Signature.getInstance(Ed25519Keys.ALGORITHM);
            s.initSign(key);
            s.update(encode());
            return s.sign();
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoUnavailableException(Ed25519Keys.ALGORITHM, e);
        } catch (InvalidKeyException | SignatureException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** True only for a valid signature of this transcript by this key; a malformed signature is false. */
    public boolean verify(PublicKey key, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(Ed25519Keys.ALGORITHM);
            s.initVerify(key);
            s.update(encode());
            return s.verify(signature);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoUnavailableException(Ed25519Keys.ALGORITHM, e);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        }
    }
}
