package ocm.bench;

import java.util.List;

/**
 * {@code --find-max}: raise the rate 1.5x per step until a step fails, then bisect between the
 * last pass and the first failure a few times. Stops at once when the server has ended
 * memberships, since every later step would measure a broken room.
 */
final class RateSearch {
    /** Runs one timed step at a rate. */
    interface StepRunner {
        StepResult step(double rate) throws BenchException;
    }

    static final int RAMP_STEPS = 12;
    static final int BISECT_STEPS = 3;
    private static final double RAMP = 1.5;

    private RateSearch() {
    }

    /** The best passing step (null when none passed); every step tried is appended to {@code steps}. */
    static StepResult run(double startRate, StepRunner runner, List<StepResult> steps) throws BenchException {
        double rate = startRate;
        StepResult best = null;
        double failed = Double.NaN;
        for (int i = 0; i < RAMP_STEPS; i++) {
            StepResult r = runner.step(rate);
            steps.add(r);
            if (r.ended() > 0) {
                return best;
            }
            if (!r.passes()) {
                failed = rate;
                break;
            }
            best = r;
            rate *= RAMP;
        }
        if (Double.isNaN(failed)) {
            return best;
        }
        double low = best == null ? 0 : best.offeredRate();
        for (int i = 0; i < BISECT_STEPS; i++) {
            double mid = Math.round((low + failed) / 2);
            if (mid <= low || mid >= failed) {
                break;
            }
            StepResult r = runner.step(mid);
            steps.add(r);
            if (r.ended() > 0) {
                break;
            }
            if (r.passes()) {
                best = r;
                low = mid;
            } else {
                failed = mid;
            }
        }
        return best;
    }
}
