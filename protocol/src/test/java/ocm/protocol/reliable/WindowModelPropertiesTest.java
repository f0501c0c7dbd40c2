package ocm.protocol.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Both windows checked step by step against a plain model (a sorted map of what is outstanding
 * or buffered) under random operations, starting anywhere in the 32-bit space, including just
 * before the wrap.
 */
class WindowModelPropertiesTest {
    /** One step: kind 0 add, 1 ack one, 2 ack cumulative+mask, 3 advance time and poll. */
    record Op(int kind, int offset, long bits, int dt) {
    }

    @Provide
    Arbitrary<List<Op>> sendOps() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(-5, 40), Arbitraries.longs(), Arbitraries.integers().between(0, 3000))
                .as(Op::new);
        return op.list().ofMaxSize(120);
    }

    @Provide
    Arbitrary<Integer> starts() {
        return Arbitraries.oneOf(List.of(Arbitraries.integers(), Arbitraries.integers().between(-20, 0),
                Arbitraries.just(Integer.MAX_VALUE - 5)));
    }

    @Property(tries = 500, seed = "20261124")
    void sendWindowAgreesWithTheModel(@ForAll("sendOps") List<Op> ops, @ForAll("starts") int first) {
        int capacity = 16;
        SendWindow<Integer> w = new SendWindow<>(capacity, first, new RttEstimator(), 6, 20_000);
        // Model: offset from first -> item, for items sent and neither acknowledged nor given up.
        TreeMap<Integer, Integer> outstanding = new TreeMap<>();
        int sent = 0;
        long now = 0;
        Set<Integer> gone = new HashSet<>();
        for (Op op : ops) {
            switch (op.kind()) {
                case 0: {
                    int oldest = outstanding.isEmpty() ? sent : outstanding.firstKey();
                    assertEquals(sent - oldest < capacity, w.hasRoom());
                    if (w.hasRoom()) {
                        assertEquals(first + sent, w.add(sent, now));
                        outstanding.put(sent, sent);
                        sent++;
                    }
                    break;
                }
                case 1: {
                    int off = op.offset();
                    boolean expected = outstanding.remove(off) != null;
                    assertEquals(expected, w.ack(first + off, now), "ack " + off);
                    break;
                }
                case 2: {
                    int cum = op.offset();
                    int expected = 0;
                    // A cumulative past the last one sent is another stream's ack: it changes nothing.
                    for (Integer off : cum >= sent ? List.<Integer>of() : new ArrayList<>(outstanding.keySet())) {
                        int bit = off - cum - 1;
                        boolean hit = off <= cum || (bit < 64 && (op.bits() & (1L << bit)) != 0);
                        if (hit) {
                            outstanding.remove(off);
                            expected++;
                        }
                    }
                    assertEquals(expected, w.ack(first + cum, op.bits(), now), "ack " + cum + " mask " + op.bits());
                    break;
                }
                default: {
                    now += op.dt();
                    List<Integer> resent = new ArrayList<>();
                    List<Integer> givenUp = new ArrayList<>();
                    w.poll(now, new SendWindow.Retransmitter<>() {
                        @Override
                        public void resend(int seq, Integer item) {
                            resent.add(seq - first);
                            assertEquals(seq - first, (int) item);
                        }

                        @Override
                        public void giveUp(int seq, Integer item) {
                            givenUp.add(seq - first);
                        }
                    });
                    for (int off : resent) {
                        assertTrue(outstanding.containsKey(off), "only outstanding items are resent");
                    }
                    for (int off : givenUp) {
                        assertTrue(outstanding.remove(off) != null, "only outstanding items are given up");
                        assertTrue(gone.add(off), "given up once");
                    }
                    assertTrue(outstanding.isEmpty() || w.nextDeadline() > now, "nothing overdue is left after a poll");
                }
            }
            assertEquals(outstanding.size(), w.outstanding());
            assertEquals(first + (outstanding.isEmpty() ? sent : outstanding.firstKey()), w.oldestUnacked());
            assertEquals(first + sent, w.nextSeq());
            for (int off = -2; off < sent + 2; off++) {
                assertEquals(outstanding.get(off), w.get(first + off));
            }
            assertEquals(outstanding.isEmpty(), w.nextDeadline() == Long.MAX_VALUE);
        }
    }

    @Provide
    Arbitrary<List<Integer>> offers() {
        // Offsets around the next expected number; some far ahead, some behind.
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(-3, 70)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-100_000, 100_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-1, -1).map(x -> Integer.MIN_VALUE)))
                .list().ofMaxSize(200);
    }

    @Property(tries = 500, seed = "20261124")
    void receiveWindowAgreesWithTheModel(@ForAll("offers") List<Integer> offsets, @ForAll("starts") int first) {
        int capacity = 64;
        ReceiveWindow<Integer> w = new ReceiveWindow<>(capacity, first);
        int next = 0; // model: offset of the next expected item
        TreeMap<Integer, Integer> buffered = new TreeMap<>();
        List<Integer> delivered = new ArrayList<>();
        for (int rel : offsets) {
            int off = next + rel; // offered relative to what is expected now
            ReceiveWindow.Offer expected;
            if (rel < 0 || buffered.containsKey(off)) {
                expected = ReceiveWindow.Offer.DUPLICATE;
            } else if (rel >= capacity) {
                expected = ReceiveWindow.Offer.TOO_FAR;
            } else {
                expected = ReceiveWindow.Offer.ACCEPTED;
                buffered.put(off, off);
            }
            assertEquals(expected, w.offer(first + off, off), "offer at +" + rel);
            for (Integer item = w.poll(); item != null; item = w.poll()) {
                delivered.add(item);
            }
            while (buffered.remove(next) != null) {
                next++;
            }
            assertEquals(next, delivered.size());
            assertEquals(first + next - 1, w.cumulative());
            assertEquals(first + next, w.nextExpected());
            long mask = 0;
            for (int off2 : buffered.keySet()) {
                int bit = off2 - next;
                if (bit < 64) {
                    mask |= 1L << bit;
                }
            }
            assertEquals(mask, w.mask());
        }
        for (int i = 0; i < delivered.size(); i++) {
            assertEquals(i, delivered.get(i), "in order, once each");
        }
    }
}
