package ocm.server.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes snapshots on its own thread ({@code ocm-store}) through a latest-wins slot: at most one
 * snapshot is being written and at most one waits; a newer one replaces the waiting one (it holds
 * everything the older held). The relay never waits on it, and on a slow disk snapshots cannot pile
 * up: {@link #offer} does not even make one while a write is under way.
 */
public final class SnapshotWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("ocm.server.store");

    private final RoomStore store;
    private final Runnable onFailure;
    private final Thread thread;
    private final Object lock = new Object();
    /** Guarded by lock: the snapshot waiting to be written and everyone waiting for it. */
    private StateSnapshot waiting;
    private List<CompletableFuture<Void>> waiters = new ArrayList<>();
    private boolean writing;
    private boolean stopping;
    private long written;
    private long skipped;
    private long replaced;

    /** {@code onFailure} runs on the writer thread after a failed write (the caller marks its state dirty again). */
    public SnapshotWriter(RoomStore store, Runnable onFailure) {
        this.store = store;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "ocm-store");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Relay thread, each save interval: if no write is under way or waiting, makes a snapshot with
     * {@code make} (null: nothing changed) and queues it; otherwise makes none (the registry stays
     * dirty, so the next interval saves it). True if a snapshot was queued.
     */
    public boolean offer(Supplier<StateSnapshot> make) {
        synchronized (lock) {
            if (writing || waiting != null || stopping) {
                skipped++;
                return false;
            }
        }
        StateSnapshot s = make.get();
        if (s == null) {
            return false;
        }
        write(s);
        return true;
    }

    /** Queues {@code s} (replacing a waiting one); the future completes when it, or a newer one, is on disk. */
    public CompletableFuture<Void> write(StateSnapshot s) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (lock) {
            if (stopping) {
                done.completeExceptionally(new IOException("the state file writer has stopped"));
                return done;
            }
            if (waiting != null) {
                replaced++;
            }
            waiting = s;
            waiters.add(done);
            lock.notifyAll();
        }
        return done;
    }

    private void run() {
        while (true) {
            StateSnapshot s;
            List<CompletableFuture<Void>> told;
            synchronized (lock) {
                while (waiting == null && !stopping) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        failWaiting();
                        return;
                    }
                }
                if (waiting == null) {
                    return;
                }
                s = waiting;
                told = waiters;
                waiting = null;
                waiters = new ArrayList<>();
                writing = true;
            }
            IOException failure = save(s);
            if (failure != null) {
                onFailure.run();
            }
            synchronized (lock) {
                writing = false;
                written++;
            }
            for (CompletableFuture<Void> f : told) {
                if (failure == null) {
                    f.complete(null);
                } else {
                    f.completeExceptionally(failure);
                }
            }
        }
    }

    private IOException save(StateSnapshot s) {
        try {
            store.save(s);
            return null;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not write the state file: " + e.getMessage());
            return e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the state file: " + e, e);
            return new IOException(e.toString(), e);
        }
    }

    private void failWaiting() {
        synchronized (lock) {
            for (CompletableFuture<Void> f : waiters) {
                f.completeExceptionally(new IOException("the state file writer was stopped"));
            }
            waiters.clear();
            waiting = null;
        }
    }

    /** Snapshots held now: the one being written plus the one waiting; never more than 2. */
    public int held() {
        synchronized (lock) {
            return (writing ? 1 : 0) + (waiting != null ? 1 : 0);
        }
    }

    /** Snapshots waiting (not yet being written); never more than 1. */
    public int waiting() {
        synchronized (lock) {
            return waiting != null ? 1 : 0;
        }
    }

    /** Times {@link #offer} made no snapshot because a write was under way. */
    public long skipped() {
        synchronized (lock) {
            return skipped;
        }
    }

    /** Waiting snapshots replaced by a newer one before being written. */
    public long replaced() {
        synchronized (lock) {
            return replaced;
        }
    }

    public long written() {
        synchronized (lock) {
            return written;
        }
    }

    /** Writes what waits (the caller bounds how long it waits for the returned futures), then stops. */
    @Override
    public void close() {
        synchronized (lock) {
            stopping = true;
            lock.notifyAll();
        }
    }

    /** Stops at once, as a kill would: a waiting snapshot is dropped, a write under way is interrupted. */
    public void halt() {
        synchronized (lock) {
            stopping = true;
            waiting = null;
        }
        thread.interrupt();
        failWaiting();
    }

    /** Waits up to {@code millis} for the thread to finish. */
    public void join(long millis) throws InterruptedException {
        thread.join(millis);
    }
}
