package ocm.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The replay window against a model: a set of everything seen and the highest number. */
class ReplayWindowPropertiesTest {
    /** Packet numbers that mostly climb, with reordering, repeats and the occasional long jump. */
    @Provide
    Arbitrary<List<Long>> arrivals() {
        Arbitrary<Long> step = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(-40, 40)),
                Tuple.of(2, Arbitraries.longs().between(-300, 300)),
                Tuple.of(1, Arbitraries.longs().between(-5000, 5000)));
        return step.list().ofMaxSize(400).map(steps -> {
            long at = 3000;
            List<Long> out = new ArrayList<>();
            for (long s : steps) {
                at = Math.max(0, at + s);
                out.add(at);
            }
            return out;
        });
    }

    @Property(tries = 300)
    void neverAcceptsANumberTwice(@ForAll("arrivals") List<Long> arrivals) {
        ReplayWindow w = new ReplayWindow(256);
        Set<Long> accepted = new HashSet<>();
        for (long pn : arrivals) {
            if (w.markSeen(pn)) {
                assertTrue(accepted.add(pn), "accepted " + pn + " twice");
            }
        }
    }

    @Property(tries = 300)
    void acceptsEveryFreshNumberWithinTheWindowAndRefusesTooOld(@ForAll("arrivals") List<Long> arrivals) {
        int size = 256;
        ReplayWindow w = new ReplayWindow(size);
        Set<Long> seen = new HashSet<>();
        long highest = -1;
        for (long pn : arrivals) {
            boolean fresh = !seen.contains(pn);
            boolean inWindow = pn > highest || highest - pn < size;
            ReplayWindow.Verdict expected = !inWindow ? ReplayWindow.Verdict.TOO_OLD
                    : fresh ? ReplayWindow.Verdict.FRESH : ReplayWindow.Verdict.DUPLICATE;
            assertEquals(expected, w.check(pn), "packet " + pn + " with highest " + highest);
            assertEquals(expected == ReplayWindow.Verdict.FRESH, w.markSeen(pn));
            if (expected == ReplayWindow.Verdict.FRESH) {
                seen.add(pn);
                highest = Math.max(highest, pn);
            }
            assertEquals(highest, w.highest());
        }
    }

    @Property(tries = 200)
    void aRefusedCheckNeverChangesTheWindow(@ForAll("arrivals") List<Long> arrivals) {
        ReplayWindow w = new ReplayWindow(128);
        for (long pn : arrivals) {
            long before = w.highest();
            if (w.check(pn) != ReplayWindow.Verdict.FRESH) {
                assertFalse(w.markSeen(pn));
                assertEquals(before, w.highest());
            } else {
                w.markSeen(pn);
            }
        }
    }
}
