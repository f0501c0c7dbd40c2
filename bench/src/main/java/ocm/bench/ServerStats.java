package ocm.bench;

import java.util.Map;
import java.util.TreeMap;

/** The server's own counters that explain a step: its retransmissions and what it dropped, by reason. */
record ServerStats(long retransmissions, Map<String, Long> drops) {
    ServerStats {
        drops = Map.copyOf(drops);
    }

    /** What happened between {@code before} and this snapshot. */
    ServerStats since(ServerStats before) {
        Map<String, Long> d = new TreeMap<>();
        drops.forEach((reason, n) -> {
            long delta = n - before.drops.getOrDefault(reason, 0L);
            if (delta != 0) {
                d.put(reason, delta);
            }
        });
        return new ServerStats(retransmissions - before.retransmissions, d);
    }
}
