package ocm.server.room;

/** Rate limit of one member: {@code rate} tokens per second, at most {@code burst} saved up. Caller-supplied clock. */
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
            tokens = Math.min(burst, tokens + (nowMillis - last) * rate / 1000.0);
            last = nowMillis;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
