package ocm.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ocm.protocol.Utf8;
import org.junit.jupiter.api.Test;

/** Cutting text to a byte budget never splits a character. */
class TruncateTest {
    @Test
    void cutsOnCodePointBoundaries() {
        assertEquals("abc", Reasons.truncate("abc", 10));
        assertEquals("ab", Reasons.truncate("abc", 2));
        assertEquals("é", Reasons.truncate("éé", 3));
        assertEquals("", Reasons.truncate("👋", 3));
        assertEquals("👋", Reasons.truncate("👋x", 4));
        String cjk = "漢".repeat(5000);
        String cut = Reasons.truncate(cjk, 3600);
        assertEquals(3600, Utf8.encode(cut).length);
    }
}
