package ocm.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import ocm.protocol.Hex;
import ocm.protocol.tcrp.Operation;
import org.junit.jupiter.api.Test;

/**
 * The signed admission transcript, pinned: RFC 8032 test 1's key (Ed25519 signatures are
 * deterministic), bytes and signature recomputed by protocol/src/test/python/sealed_vector.py
 * with pyca/cryptography.
 */
class AdmissionTranscriptTest {
    static final byte[] RFC8032_SECRET = Hex.bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final byte[] RFC8032_PUBLIC = Hex.bytes("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    static final byte[] NONCE = filled(0x11);
    static final byte[] CERT_HASH = filled(0x22);

    static byte[] filled(int v) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) v);
        return b;
    }

    static PrivateKey rfc8032Key() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, RFC8032_SECRET));
    }

    private final AdmissionTranscript join = new AdmissionTranscript(NONCE, CERT_HASH, Operation.JOIN_ROOM, "lobby", "alice");

    @Test
    void rfc8032Test1SignsTheEmptyMessageAsTheRfcSays() throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(rfc8032Key());
        assertArrayEquals(Hex.bytes("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                s.sign());
    }

    @Test
    void transcriptBytesAndSignatureArePinned() throws Exception {
        assertArrayEquals(Hex.concat("x:10", "ocm1 admission", "x:00 00", "x:20", NONCE, "x:20", CERT_HASH, "x:02",
                "x:05", "lobby", "x:05", "alice"), join.encode());
        byte[] sig = join.sign(rfc8032Key());
        assertArrayEquals(Hex.bytes("f2105a70eec496b19ab0676a6d43c3d3adf463344d8d642a96dbbfee82ae3bc4"
                + "b7c233b46cf0a14115b6c2b0a8b4f9c691e12073f1232a58d70b9a6ddbfa7709"), sig);
        assertTrue(join.verify(Ed25519Keys.fromRaw(RFC8032_PUBLIC), sig));
    }

    @Test
    void aSignatureDoesNotVerifyForAnyOtherField() {
        KeyPair kp = Ed25519Keys.generate(new SecureRandom());
        byte[] sig = join.sign(kp.getPrivate());
        PublicKey pub = kp.getPublic();
        assertTrue(join.verify(pub, sig));
        assertFalse(new AdmissionTranscript(filled(0x12), CERT_HASH, Operation.JOIN_ROOM, "lobby", "alice").verify(pub, sig), "another connection");
        assertFalse(new AdmissionTranscript(NONCE, filled(0x23), Operation.JOIN_ROOM, "lobby", "alice").verify(pub, sig), "another server");
        assertFalse(new AdmissionTranscript(NONCE, CERT_HASH, Operation.CREATE_ROOM, "lobby", "alice").verify(pub, sig), "another operation");
        assertFalse(new AdmissionTranscript(NONCE, CERT_HASH, Operation.JOIN_ROOM, "lobbz", "alice").verify(pub, sig), "another room");
        assertFalse(new AdmissionTranscript(NONCE, CERT_HASH, Operation.JOIN_ROOM, "lobby", "alicf").verify(pub, sig), "another name");
        assertFalse(join.verify(Ed25519Keys.generate(new SecureRandom()).getPublic(), sig), "another key");
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // Length prefixes keep "lob" + "byalice" apart from "lobby" + "alice".
        assertFalse(Arrays.equals(join.encode(),
                new AdmissionTranscript(NONCE, CERT_HASH, Operation.JOIN_ROOM, "lob", "byalice").encode()));
    }

    @Test
    void malformedSignaturesAreFalseAndBadFieldsAreRefused() {
        PublicKey pub = Ed25519Keys.generate(new SecureRandom()).getPublic();
        assertFalse(join.verify(pub, new byte[63]));
        assertFalse(join.verify(pub, new byte[64]));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionTranscript(new byte[16], CERT_HASH, Operation.JOIN_ROOM, "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionTranscript(NONCE, CERT_HASH, Operation.LIST_ROOMS, "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionTranscript(NONCE, CERT_HASH, Operation.JOIN_ROOM, "", "b"));
    }
}
