package ocm.server.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility as the server's tests wait: the condition is checked at once and then every 5 ms
 * (Awaitility's own default waits 100 ms before the first check, which made a suite of many
 * short waits slower), for at most 10 s, and the failure names what was awaited.
 */
public final class Waiting {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Waiting() {
    }

    public static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }
}
