package ocm.server.tcp;

import java.util.LinkedHashMap;
import java.util.Map;
import ocm.server.room.TokenBucket;

/**
 * Token buckets by key (an IP, or an IP and a room): {@code rate} per second, {@code burst} saved
 * up. Used by the TCP workers, so synchronized. At most {@code maxKeys} buckets are kept (least
 * recently used go first), so a stream of new keys cannot grow the heap; a key forgotten that way
 * starts full again, which only helps someone who already owns that many addresses.
 */
final class PerKeyRateLimiter {
    private final double rate;
    private final int burst;
    private final Map<String, TokenBucket> buckets;

    PerKeyRateLimiter(double ratePerSecond, int burst, int maxKeys) {
        this.rate = ratePerSecond;
        this.burst = burst;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes one token for {@code key} if it has one. */
    synchronized boolean tryTake(String key, long nowMillis) {
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rate, burst, nowMillis)).tryTake(nowMillis);
    }

    /** True if {@code key} has a token now; takes none (a key never seen has its full burst). */
    synchronized boolean allows(String key, long nowMillis) {
        TokenBucket b = buckets.get(key);
        return b == null || b.available(nowMillis) >= 1;
    }

    synchronized int keys() {
        return buckets.size();
    }
}
