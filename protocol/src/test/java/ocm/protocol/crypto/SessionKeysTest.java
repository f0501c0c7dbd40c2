package ocm.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import ocm.protocol.Hex;
import org.junit.jupiter.api.Test;

/**
 * The key schedule pinned for a fixed secret and session id. The expected bytes were computed by
 * protocol/src/test/python/sealed_vector.py with Python's hmac, an implementation independent of ours.
 */
class SessionKeysTest {
    static final byte[] SECRET = range32();
    static final long SESSION = 0x0102030405060708L;

    static byte[] range32() {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void clientToServerKeysArePinned() {
        TrafficSecret c2s = SessionKeys.derive(SECRET, SESSION).secret(Direction.CLIENT_TO_SERVER);
        assertEquals(0, c2s.generation());
        assertEquals(0, c2s.phase());
        assertArrayEquals(Hex.bytes("9ae60bafcdce47d423c71789f65d7326"), c2s.key());
        assertArrayEquals(Hex.bytes("af61ef91e8441fb537790412"), c2s.iv());
    }

    @Test
    void serverToClientKeysArePinnedAndDifferFromTheOtherDirection() {
        TrafficSecret s2c = SessionKeys.derive(SECRET, SESSION).secret(Direction.SERVER_TO_CLIENT);
        assertArrayEquals(Hex.bytes("4297548482cc9d770671dba50cf475f5"), s2c.key());
        assertArrayEquals(Hex.bytes("320ec8dffd70af906a8499e0"), s2c.iv());
    }

    @Test
    void keyUpdateDerivesThePinnedNextGenerationWithTheOtherPhase() {
        TrafficSecret c2s1 = SessionKeys.derive(SECRET, SESSION).secret(Direction.CLIENT_TO_SERVER).next();
        assertEquals(1, c2s1.generation());
        assertEquals(1, c2s1.phase());
        assertArrayEquals(Hex.bytes("8315329e024206c2122167af3b44cea9"), c2s1.key());
        assertArrayEquals(Hex.bytes("692987c5c4e28a954bab093f"), c2s1.iv());
        TrafficSecret s2c1 = SessionKeys.derive(SECRET, SESSION).secret(Direction.SERVER_TO_CLIENT).next();
        assertArrayEquals(Hex.bytes("9ee122256c64c19073d2a0b398474dbd"), s2c1.key());
        assertEquals(0, c2s1.next().phase());
    }

    @Test
    void anotherSessionIdGivesOtherKeysFromTheSameSecret() {
        byte[] a = SessionKeys.derive(SECRET, SESSION).secret(Direction.CLIENT_TO_SERVER).key();
        byte[] b = SessionKeys.derive(SECRET, SESSION + 1).secret(Direction.CLIENT_TO_SERVER).key();
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void refusesASecretOfTheWrongSizeAndNeverPrintsOne() {
        assertThrows(IllegalArgumentException.class, () -> SessionKeys.derive(new byte[16], SESSION));
        TrafficSecret s = SessionKeys.derive(SECRET, SESSION).secret(Direction.CLIENT_TO_SERVER);
        assertEquals("TrafficSecret[generation 0]", s.toString());
    }
}
