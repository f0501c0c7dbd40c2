package ocm.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Both ends of one session talk to each other; nothing opens at the end that sealed it. */
class SessionCryptoTest {
    private static final byte[] SECRET = SessionKeysTest.SECRET;
    private static final long ID = -0x0123456789abcdefL; // top bit set: ids are unsigned on the wire

    private static byte[] seal(SessionCrypto from, String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] d = new byte[plain.length + SealedHeader.OVERHEAD];
        from.sealer().seal(plain, 0, plain.length, d, 0);
        return d;
    }

    private static String open(SessionCrypto at, byte[] d) throws SealedDatagramException {
        byte[] out = new byte[d.length];
        return new String(out, 0, at.opener().open(d, 0, d.length, out, 0, 0), StandardCharsets.UTF_8);
    }

    @Test
    void clientAndServerOpenEachOthersDatagrams() throws Exception {
        SessionCrypto client = SessionCrypto.client(SECRET, ID);
        SessionCrypto server = SessionCrypto.server(SECRET, ID);
        assertEquals("up", open(server, seal(client, "up")));
        assertEquals("down", open(client, seal(server, "down")));
        assertEquals(ID, SealedHeader.sessionId(seal(client, "x"), 0));
    }

    @Test
    void aDatagramReflectedToItsSenderDoesNotOpen() {
        SessionCrypto client = SessionCrypto.client(SECRET, ID);
        byte[] d = seal(client, "mine");
        assertEquals(SealedDatagramException.Reason.BAD_TAG,
                assertThrows(SealedDatagramException.class, () -> open(client, d)).reason());
    }

    @Test
    void aPacketNumberWithTheTopBitSetIsMalformed() {
        SessionCrypto client = SessionCrypto.client(SECRET, ID);
        byte[] d = seal(client, "x");
        d[10] |= (byte) 0x80;
        assertEquals(SealedDatagramException.Reason.MALFORMED,
                assertThrows(SealedDatagramException.class, () -> open(SessionCrypto.server(SECRET, ID), d)).reason());
    }
}
