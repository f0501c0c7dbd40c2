package ocm.server.stats;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** State-file saves: how many, how long they took, and whether the last one failed. Written by the store thread, read by any. */
public final class SaveFigures {
    private final AtomicLong saves = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private volatile long lastSavedAt;
    private volatile String lastFailure;

    public void saved(long nanos, long atMillis) {
        saves.incrementAndGet();
        totalNanos.addAndGet(nanos);
        lastSavedAt = atMillis;
        lastFailure = null;
    }

    public void failed(long nanos, String why) {
        failures.incrementAndGet();
        totalNanos.addAndGet(nanos);
        lastFailure = why;
    }

    public long saves() {
        return saves.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Saves and failures together. */
    public long attempts() {
        return saves.get() + failures.get();
    }

    public double totalSeconds() {
        return totalNanos.get() / 1e9;
    }

    /** Wall-clock millis of the last good save; 0 if none yet. */
    public long lastSavedAt() {
        return lastSavedAt;
    }

    /** Why the last save failed, if it did. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
