package ocm.protocol.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 6298 smoothing with OCM's clamps: start 250 ms, never below 50 ms nor above 10 s. */
class RttEstimatorTest {
    @Test
    void startsAt250MillisWithNoSample() {
        RttEstimator r = new RttEstimator();
        assertEquals(250, r.rtoMillis());
        assertEquals(-1, r.srttMillis());
    }

    @Test
    void firstSampleSetsSrttAndThreeTimesItAsRto() {
        RttEstimator r = new RttEstimator();
        r.sample(100);
        assertEquals(100.0, r.srttMillis());
        assertEquals(300, r.rtoMillis()); // srtt + 4 * (srtt / 2)
    }

    @Test
    void tinyRoundTripsAreClampedTo50Millis() {
        RttEstimator r = new RttEstimator();
        r.sample(1);
        assertEquals(50, r.rtoMillis());
        for (int i = 0; i < 100; i++) {
            r.sample(0);
        }
        assertEquals(50, r.rtoMillis());
        r.sample(-40); // a clock step backwards counts as zero
        assertEquals(50, r.rtoMillis());
        assertTrue(r.srttMillis() >= 0);
    }

    @Test
    void hugeRoundTripsAreClampedTo10Seconds() {
        RttEstimator r = new RttEstimator();
        r.sample(100_000);
        assertEquals(10_000, r.rtoMillis());
        r.sample(Long.MAX_VALUE / 4);
        assertEquals(10_000, r.rtoMillis());
    }

    @Test
    void steadyRoundTripsShrinkTheVarianceTerm() {
        RttEstimator r = new RttEstimator();
        r.sample(200);
        long first = r.rtoMillis();
        for (int i = 0; i < 50; i++) {
            r.sample(200);
        }
        assertEquals(600, first);
        assertTrue(r.rtoMillis() < first);
        assertTrue(r.rtoMillis() >= 200, "never below the smoothed round trip");
        assertEquals(200.0, r.srttMillis(), 0.001);
    }

    @Test
    void clampBounds() {
        assertEquals(50, RttEstimator.clamp(-1));
        assertEquals(50, RttEstimator.clamp(49));
        assertEquals(51, RttEstimator.clamp(51));
        assertEquals(10_000, RttEstimator.clamp(10_001));
    }
}
