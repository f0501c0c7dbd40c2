package ocm.server.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relay's counters: plain fields written by the relay thread only, read through a relay task
 * (so no atomics on the hot path). Keeps one sample per second for rates over the last minute.
 */
public final class Counters {
    private static final int WINDOW_SECONDS = 60;

    public long datagramsIn;
    public long bytesIn;
    public long datagramsOut;
    public long bytesOut;
    public long messagesIn;
    public long deliveries;
    public long retransmissions;
    private final long[] drops = new long[DropReason.values().length];

    private final long[] sampleTime = new long[WINDOW_SECONDS + 1];
    private final long[] sampleMessages = new long[WINDOW_SECONDS + 1];
    private final long[] sampleDeliveries = new long[WINDOW_SECONDS + 1];
    private int samples;
    private int head;

    public void drop(DropReason reason) {
        drops[reason.ordinal()]++;
    }

    public long drops(DropReason reason) {
        return drops[reason.ordinal()];
    }

    /** Non-zero drops by reason, in a stable order. */
    public Map<String, Long> dropsByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (DropReason r : DropReason.values()) {
            if (drops[r.ordinal()] > 0) {
                out.put(r.label(), drops[r.ordinal()]);
            }
        }
        return out;
    }

    /** Called about once a second. */
    public void sample(long now) {
        sampleTime[head] = now;
        sampleMessages[head] = messagesIn;
        sampleDeliveries[head] = deliveries;
        head = (head + 1) % sampleTime.length;
        samples = Math.min(samples + 1, sampleTime.length);
    }

    public double messagesPerSecond(long now) {
        return rate(now, messagesIn, sampleMessages);
    }

    public double deliveriesPerSecond(long now) {
        return rate(now, deliveries, sampleDeliveries);
    }

    private double rate(long now, long current, long[] series) {
        if (samples == 0) {
            return 0;
        }
        int oldest = samples < sampleTime.length ? 0 : head;
        long elapsed = now - sampleTime[oldest];
        if (elapsed <= 0) {
            return 0;
        }
        return (current - series[oldest]) * 1000.0 / elapsed;
    }
}
