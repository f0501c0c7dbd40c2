package ocm.server.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ocm.protocol.Utf8;
import org.junit.jupiter.api.Test;

/** Cutting text to a byte budget never splits a character. */
class TruncateTest {
    @Test
    void cutsOnCodePointBoundaries() {
        assertEquals("abc", Relay.truncate("abc", 10));
        assertEquals("ab", Relay.truncate("abc", 2));
        assertEquals("é", Relay.truncate("éé", 3));
        assertEquals("", Relay.truncate("👋", 3));
        assertEquals("👋", Relay.truncate("👋x", 4));
        String cjk = "漢".repeat(5000);
        String cut = Relay.truncate(cjk, 3600);
        assertEquals(3600, Utf8.encode(cut).length);
    }
}
