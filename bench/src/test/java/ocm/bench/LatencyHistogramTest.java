package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Property
    void everyValueLandsInABucketWhoseBoundCoversItWithin4Percent(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long v) {
        long bound = LatencyHistogram.upperBound(LatencyHistogram.index(v));
        assertTrue(bound >= v, v + " -> " + bound);
        assertTrue(bound - v <= Math.max(1, v / 25), v + " -> " + bound);
    }

    @Test
    void percentilesOfAUniformSpreadAreWhereTheyShouldBe() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1_000);
        }
        assertEquals(100_000, h.count());
        assertEquals(100_000_000, h.max());
        assertEquals(50_000_000, h.percentile(0.5), 50_000_000 * 0.04);
        assertEquals(99_000_000, h.percentile(0.99), 99_000_000 * 0.04);
    }

    @Test
    void mergingAddsCounts() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(1_000_000);
        a.add(b);
        assertEquals(2, a.count());
        assertEquals(1_000_000, a.max());
    }
}
