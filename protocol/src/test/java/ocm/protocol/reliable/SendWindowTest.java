package ocm.protocol.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sending half: numbering, acks, RTO doubling, fast retransmit, give-up, Karn's rule. Simulated time. */
class SendWindowTest {
    /** Records what poll decided, as "resend 3" / "giveUp 3". */
    private static final class Recorder implements SendWindow.Retransmitter<String> {
        final List<String> events = new ArrayList<>();

        @Override
        public void resend(int seq, String item) {
            events.add("resend " + seq + " " + item);
        }

        @Override
        public void giveUp(int seq, String item) {
            events.add("giveUp " + seq + " " + item);
        }

        List<String> take() {
            List<String> copy = List.copyOf(events);
            events.clear();
            return copy;
        }
    }

    private static SendWindow<String> window(int capacity, int first) {
        return new SendWindow<>(capacity, first, new RttEstimator());
    }

    @Test
    void addNumbersFromTheFirstSeq() {
        SendWindow<String> w = window(8, 40);
        assertEquals(40, w.add("a", 0));
        assertEquals(41, w.add("b", 0));
        assertEquals(2, w.outstanding());
        assertEquals(40, w.oldestUnacked());
        assertEquals(42, w.nextSeq());
        assertEquals("b", w.get(41));
        assertNull(w.get(42));
        assertNull(w.get(39));
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> window(6, 0));
        assertThrows(IllegalArgumentException.class, () -> window(0, 0));
    }

    @Test
    void singleAckClearsOnceAndAdvancesTheBase() {
        SendWindow<String> w = window(8, 0);
        w.add("a", 0);
        w.add("b", 0);
        assertTrue(w.ack(1, 10));
        assertFalse(w.ack(1, 10), "a second ack of the same item does nothing");
        assertEquals(0, w.oldestUnacked(), "0 is still outstanding");
        assertTrue(w.ack(0, 10));
        assertEquals(2, w.oldestUnacked());
        assertEquals(0, w.outstanding());
        assertFalse(w.ack(2, 10), "never sent");
        assertFalse(w.ack(-1, 10), "before the window");
        assertEquals(Long.MAX_VALUE, w.nextDeadline());
    }

    @Test
    void cumulativeAckWithMask() {
        SendWindow<String> w = window(16, 0);
        for (int i = 0; i < 10; i++) {
            w.add("m" + i, 0);
        }
        // Up to 3, plus bits 1 and 3: 3+1+1 = 5 and 3+1+3 = 7.
        assertEquals(6, w.ack(3, 0b1010L, 20));
        assertEquals(4, w.outstanding());
        assertEquals(4, w.oldestUnacked());
        assertNull(w.get(5));
        assertEquals("m6", w.get(6));
        assertEquals(0, w.ack(3, 0b1010L, 30), "a repeated ack acknowledges nothing new");
        assertEquals(0, w.ack(-100, 0L, 30), "a stale ack acknowledges nothing");
        assertEquals(0, w.ack(1_000_000, -1L, 30), "a cumulative past what was sent is another stream's: nothing");
        assertEquals(4, w.ack(w.nextSeq() - 1, 0L, 30), "up to the last one sent acknowledges all");
        assertEquals(0, w.outstanding());
    }

    @Test
    void rtoDoublesOnEachExpiryUpTo10Seconds() {
        SendWindow<String> w = new SendWindow<>(8, 0, new RttEstimator(), 100, Long.MAX_VALUE);
        Recorder r = new Recorder();
        w.add("a", 0);
        assertEquals(250, w.nextDeadline());
        w.poll(249, r);
        assertEquals(List.of(), r.take());
        long[] expectedDeadlines = {250, 750, 1750, 3750, 7750, 15750, 25750, 35750, 45750};
        for (int i = 0; i < expectedDeadlines.length - 1; i++) {
            assertEquals(expectedDeadlines[i], w.nextDeadline());
            w.poll(expectedDeadlines[i], r);
            assertEquals(List.of("resend 0 a"), r.take());
            assertEquals(expectedDeadlines[i + 1], w.nextDeadline());
        }
    }

    @Test
    void fastRetransmitAfterThreeLaterAcksFiresOnce() {
        SendWindow<String> w = window(8, 0);
        Recorder r = new Recorder();
        for (int i = 0; i < 6; i++) {
            w.add("m" + i, 0);
        }
        w.ack(1, 10);
        w.ack(2, 10);
        w.poll(10, r);
        assertEquals(List.of(), r.take(), "two later acks are not enough");
        w.ack(3, 10);
        assertEquals(0, w.nextDeadline(), "due at once");
        w.poll(10, r);
        assertEquals(List.of("resend 0 m0"), r.take());
        w.ack(4, 11);
        w.ack(5, 11);
        w.poll(11, r);
        assertEquals(List.of(), r.take(), "fast retransmit fires once per item");
        // The timer still runs: the fast resend did not double the item's 250 ms timeout.
        assertEquals(260, w.nextDeadline());
        w.poll(260, r);
        assertEquals(List.of("resend 0 m0"), r.take());
        assertEquals(760, w.nextDeadline());
    }

    @Test
    void fastRetransmitCountsLaterItemsAckedByOneMaskAck() {
        SendWindow<String> w = window(8, 0);
        Recorder r = new Recorder();
        for (int i = 0; i < 4; i++) {
            w.add("m" + i, 0);
        }
        // Cumulative -1 (nothing before 0); bit i stands for item i: bits 1..3 ack items 1..3, not 0.
        assertEquals(3, w.ack(-1, 0b1110L, 5));
        w.poll(5, r);
        assertEquals(List.of("resend 0 m0"), r.take());
    }

    @Test
    void givesUpAfterMaxTries() {
        SendWindow<String> w = new SendWindow<>(8, 0, new RttEstimator(), 3, Long.MAX_VALUE);
        Recorder r = new Recorder();
        w.add("a", 0);
        w.poll(250, r);
        w.poll(750, r);
        assertEquals(List.of("resend 0 a", "resend 0 a"), r.take());
        w.poll(1750, r);
        assertEquals(List.of("giveUp 0 a"), r.take(), "sent 3 times, then given up");
        assertEquals(0, w.outstanding());
        assertEquals(1, w.oldestUnacked());
        assertFalse(w.ack(0, 1800), "a late ack of a given-up item does nothing");
        assertEquals(Long.MAX_VALUE, w.nextDeadline());
    }

    @Test
    void givesUpAfterTheGiveUpTime() {
        SendWindow<String> w = new SendWindow<>(8, 0, new RttEstimator(), 100, 1000);
        Recorder r = new Recorder();
        w.add("a", 0);
        w.poll(250, r);
        w.poll(750, r);
        w.poll(1750, r);
        assertEquals(List.of("resend 0 a", "resend 0 a", "giveUp 0 a"), r.take());
    }

    @Test
    void defaultsGiveUpAtTheFirstDeadlinePast30Seconds() {
        SendWindow<String> w = window(8, 0);
        Recorder r = new Recorder();
        w.add("a", 0);
        int resends = 0;
        while (w.outstanding() > 0) {
            w.poll(w.nextDeadline(), r);
            resends += (int) r.events.stream().filter(e -> e.startsWith("resend")).count();
            if (r.events.stream().anyMatch(e -> e.startsWith("giveUp"))) {
                break;
            }
            r.events.clear();
        }
        // 250 + 500 + 1000 + 2000 + 4000 + 8000 + 10000 = 25750 < 30000 <= 35750
        assertEquals(7, resends);
        assertEquals(List.of("giveUp 0 a"), r.take());
        assertEquals(20, SendWindow.DEFAULT_MAX_TRIES);
        assertEquals(30_000, SendWindow.DEFAULT_GIVE_UP_MILLIS);
    }

    @Test
    void rearmResendsEverythingOutstandingWithFreshTimersAndTries() {
        SendWindow<String> w = new SendWindow<>(8, 0, new RttEstimator(), 3, 1000);
        Recorder r = new Recorder();
        w.add("a", 0);
        w.add("b", 0);
        w.ack(1, 10);
        w.poll(250, r);
        w.poll(750, r);
        r.take();
        w.rearm(5000, r); // long past the give-up time, and two tries used
        assertEquals(List.of("resend 0 a"), r.take());
        long rto = w.rtt().rtoMillis(); // 50 ms after the 10 ms sample of "b"
        assertEquals(5000 + rto, w.nextDeadline());
        // Without the rearm this first poll would give up at once (3 tries used, 5 s old).
        w.poll(5000 + rto, r); // try 2, next timeout 2 x rto
        w.poll(5000 + 3 * rto, r); // try 3, next timeout 4 x rto
        w.poll(5000 + 7 * rto, r); // 3 tries: given up
        assertEquals(List.of("resend 0 a", "resend 0 a", "giveUp 0 a"), r.take(), "tries and the give-up clock count from the rearm");
    }

    @Test
    void hasRoomUntilCapacityIsInFlight() {
        SendWindow<String> w = window(4, 0);
        for (int i = 0; i < 4; i++) {
            assertTrue(w.hasRoom());
            w.add("m" + i, 0);
        }
        assertFalse(w.hasRoom());
        assertThrows(IllegalStateException.class, () -> w.add("x", 0));
        w.ack(2, 1);
        assertFalse(w.hasRoom(), "a hole at the oldest item still blocks the ring");
        w.ack(0, 1);
        assertTrue(w.hasRoom());
        assertEquals(4, w.add("m4", 1));
    }

    @Test
    void noRttSampleFromRetransmittedItems() {
        RttEstimator rtt = new RttEstimator();
        SendWindow<String> w = new SendWindow<>(8, 0, rtt);
        Recorder r = new Recorder();
        w.add("a", 0);
        w.poll(250, r);
        w.ack(0, 260);
        assertEquals(-1, rtt.srttMillis(), "ambiguous: the ack may be for either send");
        assertEquals(250, rtt.rtoMillis());
        w.add("b", 1000);
        w.ack(1, 1100);
        assertEquals(100.0, rtt.srttMillis());
        assertEquals(300, rtt.rtoMillis());
        w.add("c", 2000);
        assertEquals(2300, w.nextDeadline(), "new items use the measured timeout");
    }

    @Test
    void worksAcrossTheWrap() {
        SendWindow<String> w = window(8, 0xFFFF_FFFE);
        Recorder r = new Recorder();
        assertEquals(0xFFFF_FFFE, w.add("a", 0));
        assertEquals(0xFFFF_FFFF, w.add("b", 0));
        assertEquals(0, w.add("c", 0));
        assertEquals(1, w.add("d", 0));
        w.ack(0xFFFF_FFFF, 1);
        w.ack(1, 1);
        w.poll(250, r);
        assertEquals(List.of("resend -2 a", "resend 0 c"), r.take());
        assertEquals(2, w.ack(0, 0L, 300));
        assertEquals(0, w.outstanding());
        assertEquals(2, w.oldestUnacked());
    }

    @Test
    void resetForgetsOutstandingItemsWithoutGivingThemUp() {
        SendWindow<String> w = window(4, 0);
        Recorder r = new Recorder();
        w.add("a", 0);
        w.add("b", 0);
        w.reset(1000);
        assertEquals(0, w.outstanding());
        assertEquals(1000, w.nextSeq());
        assertEquals(1000, w.oldestUnacked());
        w.poll(100_000, r);
        assertEquals(List.of(), r.take());
        assertEquals(1000, w.add("c", 0));
    }
}
