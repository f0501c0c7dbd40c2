package ocm.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import ocm.server.stats.RelayFigures;
import ocm.server.stats.SaveFigures;
import org.junit.jupiter.api.Test;

/** /healthz's verdict with a fake clock: heartbeat age, a stopped loop, a failed save. */
class HealthCheckTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final RelayFigures relay = new RelayFigures();
    private final SaveFigures saves = new SaveFigures();

    private HealthCheck check(boolean savesState) {
        MetricSources s = new MetricSources(relay, saves, savesState, () -> TcpFigures.NONE, MetricSources.NO_LOG_DROPS);
        return new HealthCheck(s, clock::get, Duration.ofSeconds(5));
    }

    @Test
    void healthyWhileTheHeartbeatIsRecent() {
        relay.running(true);
        relay.beat(clock.get());
        clock.addAndGet(5000);
        assertEquals(Optional.empty(), check(true).problem());
    }

    @Test
    void aSilentRelayIsUnhealthy() {
        relay.running(true);
        relay.beat(clock.get());
        clock.addAndGet(5001);
        assertEquals(Optional.of("relay loop has not turned for 5001 ms"), check(true).problem());
    }

    @Test
    void aStoppedRelayIsUnhealthy() {
        relay.beat(clock.get());
        relay.running(false);
        assertEquals(Optional.of("relay loop is not running"), check(true).problem());
    }

    @Test
    void aFailedSaveIsUnhealthyUntilTheNextOneWorks() {
        relay.running(true);
        relay.beat(clock.get());
        saves.failed(1000, "disk full\nsecond line");
        assertEquals(Optional.of("last state save failed: disk full second line"), check(true).problem());
        saves.saved(1000, clock.get());
        assertEquals(Optional.empty(), check(true).problem());
    }

    @Test
    void withoutADataDirSavesAreNotChecked() {
        relay.running(true);
        relay.beat(clock.get());
        saves.failed(1000, "disk full");
        assertEquals(Optional.empty(), check(false).problem());
    }
}
