package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateSearchTest {

    /** A relay that delivers everything up to {@code capacity} msg/s and loses the excess. */
    private static StepResult relay(double rate, double capacity, long ended) {
        long sent = (long) rate;
        long expected = sent * 4;
        long delivered = rate <= capacity ? expected : (long) (expected * capacity / rate);
        double loss = 100.0 * (expected - delivered) / expected;
        return new StepResult(rate, 1, sent, sent, expected, delivered, loss, delivered, 0.1, 0.2, 0.3,
                0, 0, 0, 0, 0, 0, 0, ended, 0, 0, null, null, 0.1, null, null);
    }

    @Test
    void rampsThenBisectsToTheHighestPassingRate() throws BenchException {
        List<StepResult> steps = new ArrayList<>();
        StepResult best = RateSearch.run(1000, rate -> relay(rate, 4000, 0), steps);
        // 1000, 1500, 2250, 3375 pass; 5062.5 fails; bisection between 3375 and 5062.5
        assertEquals(5062.5, steps.get(4).offeredRate());
        assertTrue(best.offeredRate() > 3375 && best.offeredRate() <= 4000, "best " + best.offeredRate());
        assertEquals(4 + 1 + RateSearch.BISECT_STEPS, steps.size());
    }

    @Test
    void noPassingRateGivesNull() throws BenchException {
        List<StepResult> steps = new ArrayList<>();
        assertNull(RateSearch.run(1000, rate -> relay(rate, 10, 0), steps));
    }

    @Test
    void stopsAsSoonAsTheServerEndsMemberships() throws BenchException {
        List<StepResult> steps = new ArrayList<>();
        StepResult best = RateSearch.run(1000, rate -> relay(rate, 1e9, rate > 2000 ? 3 : 0), steps);
        assertEquals(1500, best.offeredRate());
        assertEquals(3, steps.size(), "1000 and 1500 pass, 2250 ends members, nothing after");
    }
}
