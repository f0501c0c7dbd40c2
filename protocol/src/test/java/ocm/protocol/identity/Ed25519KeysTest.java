package ocm.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import ocm.protocol.Hex;
import ocm.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints exactly as {@code ssh-keygen -l} prints them. Both vectors were made on this machine
 * with OpenSSH's ssh-keygen (Debian 12): one key it generated, and one the JDK generated, written
 * out as a .pub line by {@link Ed25519Keys#openSshLine} and fingerprinted by ssh-keygen.
 */
class Ed25519KeysTest {
    /** {@code ssh-keygen -t ed25519 -C ocm-golden}; {@code ssh-keygen -l} printed the fingerprint below. */
    static final String SSH_KEYGEN_PUB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID/DdQBg+z7rDg9+C+ZogcKumkLx5vWyw0Zk7S1j/lXz ocm-golden";
    static final String SSH_KEYGEN_FINGERPRINT = "SHA256:z+Pkh41fuHDCyZPqVKoskhOHP99/Hmp8Gu6zWQ+aLgU";
    /** A JDK key's X.509 encoding; ssh-keygen -l on its .pub line printed the fingerprint below. */
    static final byte[] JDK_X509 = Hex.bytes("302a300506032b6570032100 3ef65c565e57d73ad80ea3e1a8f6233eb73e4fb8abb9d7b7ccf3aa7463139043");
    static final String JDK_OPENSSH = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID72XFZeV9c62A6j4aj2Iz63Pk+4q7nXt8zzqnRjE5BD";
    static final String JDK_FINGERPRINT = "SHA256:Yx0eP8W8lyyY4LOru1n54KGLcRkaqkhu5bKSrowtpq8";

    @Test
    void fingerprintOfAnSshKeygenKeyIsWhatSshKeygenPrints() throws Exception {
        PublicKey key = Ed25519Keys.parseOpenSsh(SSH_KEYGEN_PUB);
        assertEquals(SSH_KEYGEN_FINGERPRINT, Ed25519Keys.fingerprint(key).toString());
        assertEquals(SSH_KEYGEN_PUB.substring(0, SSH_KEYGEN_PUB.lastIndexOf(' ')), Ed25519Keys.openSshLine(key));
    }

    @Test
    void fingerprintOfAJdkKeyIsWhatSshKeygenPrintsForIt() throws Exception {
        PublicKey key = Ed25519Keys.fromRaw(Arrays.copyOfRange(JDK_X509, 12, 44));
        assertArrayEquals(JDK_X509, key.getEncoded());
        assertEquals(JDK_OPENSSH, Ed25519Keys.openSshLine(key));
        assertEquals(JDK_FINGERPRINT, Ed25519Keys.fingerprint(key).toString());
        assertEquals(Ed25519Keys.fingerprint(key), Fingerprint.parse(JDK_FINGERPRINT));
    }

    @Test
    void aGeneratedKeyRoundTripsThroughItsRawBytesAndItsOpenSshLine() throws Exception {
        KeyPair kp = Ed25519Keys.generate(new SecureRandom());
        byte[] raw = Ed25519Keys.raw(kp.getPublic());
        assertEquals(32, raw.length);
        assertEquals(kp.getPublic(), Ed25519Keys.fromRaw(raw));
        assertEquals(kp.getPublic(), Ed25519Keys.parseOpenSsh(Ed25519Keys.openSshLine(kp.getPublic()) + " a comment"));
        assertEquals(51, Ed25519Keys.sshWireEncoding(kp.getPublic()).length);
    }

    @Test
    void refusesOtherKeysAndBrokenLines() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        PublicKey p256 = ec.generateKeyPair().getPublic();
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.raw(p256));
        assertThrows(ProtocolException.class, () -> Ed25519Keys.parseOpenSsh("ssh-rsa AAAAB3NzaC1yc2E= x"));
        assertThrows(ProtocolException.class, () -> Ed25519Keys.parseOpenSsh("ssh-ed25519 !!!"));
        assertThrows(ProtocolException.class, () -> Ed25519Keys.parseOpenSsh("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA=="));
        assertThrows(ProtocolException.class, () -> Ed25519Keys.parseOpenSsh("ssh-ed25519"));
        assertThrows(ProtocolException.class, () -> Ed25519Keys.fromRaw(new byte[31]));
    }
}
