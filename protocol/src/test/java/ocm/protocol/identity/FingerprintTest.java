package ocm.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import ocm.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void printsSha256InUnpaddedBase64() {
        // SHA-256("abc") = ba7816bf 8f01cfea ... (FIPS 180-2 example), base64 without the '='.
        assertEquals("SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0",
                Fingerprint.of("abc".getBytes(StandardCharsets.US_ASCII)).toString());
    }

    @Test
    void parsesWhatItPrintsAndComparesByValue() throws Exception {
        Fingerprint f = Fingerprint.of(new byte[] {1, 2, 3});
        assertEquals(f, Fingerprint.parse(f.toString()));
        assertEquals(f.hashCode(), Fingerprint.parse(f.toString()).hashCode());
        assertNotEquals(f, Fingerprint.of(new byte[] {1, 2, 4}));
    }

    @Test
    void refusesMalformedTextWithAMessage() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> Fingerprint.parse("MD5:ab:cd"));
        assertTrue(e.getMessage().contains("SHA256:"), e.getMessage());
        assertThrows(ProtocolException.class, () -> Fingerprint.parse("SHA256:short"));
        assertThrows(ProtocolException.class, () -> Fingerprint.parse("SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa!"));
        // Same bytes, but the two spare bits of the last character set: not canonical.
        assertThrows(ProtocolException.class, () -> Fingerprint.parse("SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa1"));
    }
}
