package ocm.server.admin;

import java.time.Duration;
import java.util.Map;

/** What /stats shows: totals since start and rates over the last minute. */
public record StatsView(Duration uptime, int rooms, int members,
                        long messagesIn, long deliveries, double messagesPerSecond, double deliveriesPerSecond,
                        long retransmissions, Map<String, Long> dropsByReason,
                        long bytesIn, long bytesOut, long heapUsedBytes, long heapMaxBytes) {
    public StatsView {
        dropsByReason = Map.copyOf(dropsByReason);
    }
}
