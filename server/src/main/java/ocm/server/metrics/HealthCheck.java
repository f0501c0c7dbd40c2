package ocm.server.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What {@code GET /healthz} answers: healthy while the relay loop turns (its heartbeat is
 * recent) and, with a data dir, the last state save did not fail. A problem is one line.
 */
public final class HealthCheck {
    /** The relay turns at least every 250 ms when idle; this much silence means it is stuck. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(5);

    private final MetricSources sources;
    private final LongSupplier clock;
    private final long staleAfterMillis;

    public HealthCheck(MetricSources sources, LongSupplier clock, Duration staleAfter) {
        this.sources = sources;
        this.clock = clock;
        this.staleAfterMillis = staleAfter.toMillis();
    }

    /** Empty when healthy, else the reason in one line. */
    public Optional<String> problem() {
        if (!sources.relay().running()) {
            return Optional.of("relay loop is not running");
        }
        long silent = clock.getAsLong() - sources.relay().lastTurn();
        if (silent > staleAfterMillis) {
            return Optional.of("relay loop has not turned for " + silent + " ms");
        }
        if (sources.savesState()) {
            Optional<String> failed = sources.saves().lastFailure();
            if (failed.isPresent()) {
                return Optional.of("last state save failed: " + oneLine(failed.get()));
            }
        }
        return Optional.empty();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
