package ocm.server.stats;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the relay thread publishes for readers on other threads: a heartbeat each turn, the
 * share of time it was busy, and a {@link RelaySnapshot} once a second. The relay writes; any
 * thread reads {@link #latest}, {@link #lastTurn} and {@link #running}.
 */
public final class RelayFigures {
    private volatile RelaySnapshot latest = RelaySnapshot.EMPTY;
    /** Written every turn with a release store (lazySet): no fence on the relay's path, still seen by readers. */
    private final AtomicLong lastTurn = new AtomicLong();
    private volatile boolean running;
    // Relay thread only.
    private long idleNanos;
    private long windowStartNanos = System.nanoTime();

    /** Relay thread: the loop has started (or stopped for good). */
    public void running(boolean r) {
        running = r;
    }

    /** Relay thread, each turn. */
    public void beat(long nowMillis) {
        lastTurn.lazySet(nowMillis);
    }

    /** Relay thread: time spent waiting in select, not working. */
    public void idle(long nanos) {
        idleNanos += nanos;
    }

    /** Relay thread, about once a second: publishes the figures and starts a new busy window. */
    public void publish(long now, Counters counters, MemberCounts members) {
        long t = System.nanoTime();
        long window = t - windowStartNanos;
        double busy = window <= 0 ? 0 : Math.max(0, Math.min(1, 1 - (double) idleNanos / window));
        windowStartNanos = t;
        idleNanos = 0;
        latest = RelaySnapshot.of(now, counters, members, busy);
    }

    public RelaySnapshot latest() {
        return latest;
    }

    /** Wall-clock millis of the relay's last turn; 0 before the first. */
    public long lastTurn() {
        return lastTurn.get();
    }

    public boolean running() {
        return running;
    }
}
