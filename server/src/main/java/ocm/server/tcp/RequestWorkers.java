package ocm.server.tcp;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The two workers ({@code ocm-tcp-1..2}) that answer complete requests, and the way back: a
 * worker's answer is queued and the selector woken, and the selector thread ({@code ocm-tcp-0})
 * carries on with it in {@link #runFinished}, so connection state never leaves that thread. The
 * work queue is bounded: beyond it a request is refused at once rather than waiting behind a storm.
 */
final class RequestWorkers {
    /** Requests waiting for a worker, over all IPs. */
    static final int MAX_QUEUED = 1024;

    private final ThreadPoolExecutor pool;
    private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
    private final Runnable wakeup;

    /** {@code wakeup} is called on the worker after each answer is queued (the selector's {@code wakeup}). */
    RequestWorkers(int maxQueued, Runnable wakeup) {
        this.wakeup = wakeup;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxQueued), r -> {
            Thread t = new Thread(r, "ocm-tcp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} on a worker, then {@code then} with its result on the thread that calls
     * {@link #runFinished}; with null if the work threw (even an Error), so what {@code then}
     * releases is always released. False, and nothing runs, when the queue is full or the pool
     * shut down.
     */
    <T> boolean submit(Supplier<T> work, Consumer<T> then) {
        try {
            pool.execute(() -> {
                T result = null;
                try {
                    result = work.get();
                } finally {
                    T r = result;
                    finished.add(() -> then.accept(r));
                    wakeup.run();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Runs the follow-ups of the work finished so far, in the order it finished; selector thread. */
    void runFinished() {
        Runnable r;
        while ((r = finished.poll()) != null) {
            r.run();
        }
    }

    /** Interrupts the workers; work not started is dropped. */
    void shutdownNow() {
        pool.shutdownNow();
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
