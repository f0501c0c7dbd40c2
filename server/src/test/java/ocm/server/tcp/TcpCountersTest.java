package ocm.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TCP drop reasons as the admin stats show them. */
class TcpCountersTest {
    @Test
    void onlyReasonsThatHappenedAreListedInAStableOrder() {
        TcpCounters c = new TcpCounters();
        assertEquals(Map.of(), c.dropsByReason());
        c.skipped.incrementAndGet();
        c.timedOut.addAndGet(2);
        c.refused.incrementAndGet();
        c.dispatched.incrementAndGet();
        Map<String, Long> drops = c.dropsByReason();
        assertEquals(List.of("tcp timed out", "tcp refused (all busy)", "tcp request skipped (client hung up)"),
                List.copyOf(drops.keySet()), "handed-on requests are no drop");
        assertEquals(2L, drops.get("tcp timed out"));
    }
}
