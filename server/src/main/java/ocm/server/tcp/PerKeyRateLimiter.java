package ocm.server.tcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (an IP, or an IP and a room): {@code rate} per second, {@code burst} saved
 * up. Used by the TCP workers, so synchronized. At most {@code maxKeys} buckets are kept (least
 * recently used go first), so a stream of new keys cannot grow the heap; a key forgotten that way
 * starts full again, which only helps someone who already owns that many addresses.
 */
final class PerKeyRateLimiter {
    private final double rate;
    private final double burst;
    private final Map<String, double[]> buckets;

    PerKeyRateLimiter(double ratePerSecond, int burst, int maxKeys) {
        this.rate = ratePerSecond;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one token for {@code key} if it has one. */
    synchronized boolean tryTake(String key, long nowMillis) {
        // [0] tokens, [1] last refill time
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, nowMillis});
        if (nowMillis > b[1]) {
            b[0] = Math.min(burst, b[0] + (nowMillis - b[1]) * rate / 1000.0);
            b[1] = nowMillis;
        }
        if (b[0] >= 1) {
            b[0] -= 1;
            return true;
        }
        return false;
    }

    /** True if {@code key} has a token now; takes none (a key never seen has its full burst). */
    synchronized boolean allows(String key, long nowMillis) {
        double[] b = buckets.get(key);
        return b == null || Math.min(burst, b[0] + Math.max(0, nowMillis - b[1]) * rate / 1000.0) >= 1;
    }

    synchronized int keys() {
        return buckets.size();
    }
}
