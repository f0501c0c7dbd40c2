package ocm.server;

import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * What happens when the relay or the TCP thread dies (an {@code OutOfMemoryError}, a bug that throws
 * an Error): a server without either is half-dead (chat not relayed, joins time out), so it saves
 * what it can and exits non-zero at once, for a service manager to restart it. The save gets a fixed
 * time; after it the process exits whatever the save is doing. Runs on the dying thread.
 */
final class DeadThreadExit implements Thread.UncaughtExceptionHandler {
    /** The exit status of a server that lost a thread (EX_SOFTWARE). */
    static final int STATUS = 70;

    private final Runnable save;
    private final IntConsumer exit;
    private final Duration saveBudget;
    /** Room for the save and the message: let go first, since the heap is full when this runs after an OOM. */
    private static final int RESERVE_BYTES = 4 << 20;

    /** Guarded by this. Not an AtomicBoolean: its first compareAndSet links a VarHandle, which allocates. */
    private boolean fired;
    private volatile byte[] reserve = new byte[RESERVE_BYTES];

    DeadThreadExit(Runnable save, IntConsumer exit, Duration saveBudget) {
        this.save = save;
        this.exit = exit;
        this.saveBudget = saveBudget;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        reserve = null;
        synchronized (this) {
            if (fired) {
                return; // the other thread died too: one save, one exit
            }
            fired = true;
        }
        // Memory may be short: every step is best effort, and the exit comes even if one fails.
        try {
            System.err.println("chat server: thread " + t.getName() + " died (" + e + "); saving the state and exiting"
                    + " with status " + STATUS);
        } catch (Throwable ignored) {
            // nothing more to say
        }
        startWatchdog();
        try {
            save.run();
        } catch (Throwable ignored) {
            // the exit matters more than the save
        }
        exit.accept(STATUS);
    }

    /** Exits after the save budget even if the save hangs (a stuck disk, a dead relay it waits for). */
    private void startWatchdog() {
        try {
            Thread w = new Thread(() -> {
                try {
                    Thread.sleep(saveBudget.toMillis());
                } catch (InterruptedException ignored) {
                    // exit now, then
                }
                exit.accept(STATUS);
            }, "ocm-exit-watchdog");
            w.setDaemon(true);
            w.start();
        } catch (Throwable ignored) {
            // no thread to be had: the save below must not hang, then
        }
    }
}
