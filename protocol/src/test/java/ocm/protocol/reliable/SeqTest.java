package ocm.protocol.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wrap-safe comparison of 32-bit sequence numbers. */
class SeqTest {
    @Test
    void ordinaryNumbersCompareAsIntegers() {
        assertTrue(Seq.after(2, 1));
        assertTrue(Seq.before(1, 2));
        assertFalse(Seq.after(1, 1));
        assertFalse(Seq.before(1, 1));
        assertEquals(5, Seq.distance(10, 5));
        assertEquals(-5, Seq.distance(5, 10));
    }

    @Test
    void numbersAfterTheWrapComeAfterNumbersBeforeIt() {
        int last = 0xFFFF_FFFF; // 2^32 - 1, the last number before the wrap
        assertTrue(Seq.after(0, last));
        assertTrue(Seq.before(last, 0));
        assertEquals(1, Seq.distance(0, last));
        assertEquals(3, Seq.distance(1, 0xFFFF_FFFE));
        assertTrue(Seq.after(Integer.MIN_VALUE, Integer.MAX_VALUE), "the signed-int boundary is no boundary");
        assertEquals(1, Seq.distance(Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void halfTheSpaceAheadIsAfterAndFurtherIsBefore() {
        assertTrue(Seq.after(0x7FFF_FFFF, 0));
        assertTrue(Seq.before(0x8000_0001, 0), "more than 2^31 ahead reads as behind");
    }
}
