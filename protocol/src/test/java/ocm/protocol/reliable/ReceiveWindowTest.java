package ocm.protocol.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import ocm.protocol.reliable.ReceiveWindow.Offer;
import org.junit.jupiter.api.Test;

/** The receiving half: in order, once each, bounded, with cumulative+mask acknowledgements. */
class ReceiveWindowTest {
    private static List<String> drain(ReceiveWindow<String> w) {
        List<String> out = new ArrayList<>();
        for (String s = w.poll(); s != null; s = w.poll()) {
            out.add(s);
        }
        return out;
    }

    @Test
    void capacityMustBeAPowerOfTwoOfAtLeast64() {
        assertThrows(IllegalArgumentException.class, () -> new ReceiveWindow<String>(32, 0));
        assertThrows(IllegalArgumentException.class, () -> new ReceiveWindow<String>(100, 0));
        new ReceiveWindow<String>(64, 0);
    }

    @Test
    void inOrderItemsComeOutAtOnce() {
        ReceiveWindow<String> w = new ReceiveWindow<>(64, 5);
        assertEquals(4, w.cumulative());
        assertEquals(Offer.ACCEPTED, w.offer(5, "a"));
        assertEquals("a", w.poll());
        assertNull(w.poll());
        assertEquals(Offer.ACCEPTED, w.offer(6, "b"));
        assertEquals(List.of("b"), drain(w));
        assertEquals(6, w.cumulative());
        assertEquals(7, w.nextExpected());
        assertEquals(0L, w.mask());
    }

    @Test
    void outOfOrderItemsWaitForTheGapAndShowInTheMask() {
        ReceiveWindow<String> w = new ReceiveWindow<>(64, 5);
        assertEquals(Offer.ACCEPTED, w.offer(7, "c"));
        assertEquals(Offer.ACCEPTED, w.offer(9, "e"));
        assertNull(w.poll());
        assertEquals(4, w.cumulative());
        // bit i = cumulative + 1 + i: 7 is bit 2, 9 is bit 4
        assertEquals(0b10100L, w.mask());
        assertEquals(Offer.ACCEPTED, w.offer(6, "b"));
        assertNull(w.poll(), "5 is still missing");
        assertEquals(0b10110L, w.mask());
        assertEquals(Offer.ACCEPTED, w.offer(5, "a"));
        assertEquals(List.of("a", "b", "c"), drain(w));
        assertEquals(7, w.cumulative());
        assertEquals(0b10L, w.mask(), "9 is cumulative + 2: bit 1");
        assertEquals(Offer.ACCEPTED, w.offer(8, "d"));
        assertEquals(List.of("d", "e"), drain(w));
        assertEquals(0L, w.mask());
    }

    @Test
    void duplicatesAreRecognisedBeforeAndAfterDelivery() {
        ReceiveWindow<String> w = new ReceiveWindow<>(64, 0);
        w.offer(2, "c");
        assertEquals(Offer.DUPLICATE, w.offer(2, "c again"), "waiting in the buffer");
        w.offer(0, "a");
        assertEquals(List.of("a"), drain(w));
        assertEquals(Offer.DUPLICATE, w.offer(0, "a again"), "already handed out");
        assertEquals(Offer.DUPLICATE, w.offer(-1_000_000, "ancient"));
        w.offer(1, "b");
        assertEquals(List.of("b", "c"), drain(w), "the duplicate did not replace the original");
    }

    @Test
    void itemsBeyondTheCapacityAreTooFar() {
        ReceiveWindow<String> w = new ReceiveWindow<>(64, 100);
        assertEquals(Offer.TOO_FAR, w.offer(164, "x"));
        assertEquals(Offer.TOO_FAR, w.offer(100 + 1_000_000, "x"));
        assertEquals(Offer.ACCEPTED, w.offer(163, "last slot"));
        assertEquals(1L << 63, w.mask());
        assertEquals(99, w.cumulative());
    }

    @Test
    void maskCoversOnly64ItemsOfALargerWindow() {
        ReceiveWindow<String> w = new ReceiveWindow<>(128, 0);
        assertEquals(Offer.ACCEPTED, w.offer(64, "beyond the mask"));
        assertEquals(0L, w.mask());
        assertEquals(Offer.ACCEPTED, w.offer(63, "bit 63"));
        assertEquals(1L << 63, w.mask());
    }

    @Test
    void worksAcrossTheWrap() {
        int first = 0xFFFF_FFFD; // 2^32 - 3
        ReceiveWindow<String> w = new ReceiveWindow<>(64, first);
        assertEquals(Offer.ACCEPTED, w.offer(1, "e"));
        assertEquals(Offer.ACCEPTED, w.offer(0xFFFF_FFFF, "c"));
        assertEquals(Offer.ACCEPTED, w.offer(0, "d"));
        assertEquals(0b11100L, w.mask()); // -1, 0, 1 are next+2, +3, +4
        assertEquals(Offer.ACCEPTED, w.offer(0xFFFF_FFFE, "b"));
        assertEquals(Offer.ACCEPTED, w.offer(first, "a"));
        assertEquals(List.of("a", "b", "c", "d", "e"), drain(w));
        assertEquals(1, w.cumulative());
        assertEquals(Offer.DUPLICATE, w.offer(0xFFFF_FFFF, "c"));
        assertEquals(Offer.TOO_FAR, w.offer(66, "x"));
    }

    @Test
    void resetForgetsEverything() {
        ReceiveWindow<String> w = new ReceiveWindow<>(64, 0);
        w.offer(1, "b");
        w.reset(500);
        assertEquals(499, w.cumulative());
        assertEquals(0L, w.mask());
        assertNull(w.poll());
        assertEquals(Offer.DUPLICATE, w.offer(1, "old session"));
        assertEquals(Offer.ACCEPTED, w.offer(500, "new"));
        assertEquals(List.of("new"), drain(w));
    }
}
