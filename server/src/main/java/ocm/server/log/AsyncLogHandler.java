package ocm.server.log;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The one path from the server's loggers to its sinks (stderr, the console, a log file): a record is
 * put in a bounded queue and written by one thread, {@code ocm-log}. The thread that logs (often the
 * relay) never waits: when the queue is full the record is dropped and counted. A sink that blocks
 * forever (a terminal paused with Ctrl+S, a frozen SSH session, a full pipe) stalls only this thread.
 */
public final class AsyncLogHandler extends Handler {
    /** Records waiting at most; a burst of joins fits, a stalled sink costs at most this many records. */
    public static final int DEFAULT_CAPACITY = 4096;
    private static final long CLOSE_DRAIN_MILLIS = 1000;

    private final ArrayBlockingQueue<LogRecord> queue;
    private final int capacity;
    private final List<Handler> sinks = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    public AsyncLogHandler() {
        this(DEFAULT_CAPACITY);
    }

    public AsyncLogHandler(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        setLevel(Level.ALL);
        this.writer = new Thread(this::drain, "ocm-log");
        writer.setDaemon(true); // a sink blocked forever must not keep the JVM from exiting
        writer.start();
    }

    public void addSink(Handler sink) {
        sinks.add(sink);
    }

    public void removeSink(Handler sink) {
        sinks.remove(sink);
    }

    public boolean hasSink(Handler sink) {
        return sinks.contains(sink);
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    /** Records dropped because the queue was full since this handler was made. */
    public long dropped() {
        return dropped.get();
    }

    /** Records waiting to be written now; never more than {@link #capacity}. */
    public int pending() {
        return queue.size();
    }

    public int capacity() {
        return capacity;
    }

    private void drain() {
        while (true) {
            LogRecord r;
            try {
                r = queue.poll(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (r == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            for (Handler sink : sinks) {
                write(sink, r);
            }
        }
    }

    private void write(Handler sink, LogRecord r) {
        try {
            if (sink.isLoggable(r)) {
                sink.publish(r);
                sink.flush();
            }
        } catch (RuntimeException e) {
            reportError("a log sink failed", e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public void flush() {
        // The writer flushes each sink after each record; a caller must not wait for a stalled sink.
    }

    /** Stops taking records; what is queued is written for up to a second (a stalled sink is abandoned). */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(CLOSE_DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
