package ocm.server.room;

/**
 * A rate limit: {@code rate} tokens per second, at most {@code burst} saved up. Caller-supplied
 * clock. One per member (chats), and per key in the TCP service's per-IP limits.
 */
public final class TokenBucket {
    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, int burst, long nowMillis) {
        this.rate = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowMillis;
    }

    /** Takes one token if there is one. */
    public boolean tryTake(long nowMillis) {
        if (nowMillis > last) {
            tokens = available(nowMillis);
            last = nowMillis;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** The tokens there are at {@code nowMillis}, refilled but none taken (a clock that went back refills nothing). */
    public double available(long nowMillis) {
        return Math.min(burst, tokens + Math.max(0, nowMillis - last) * rate / 1000.0);
    }
}
