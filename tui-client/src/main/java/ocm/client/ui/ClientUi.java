package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.client.net.ClientException;

/**
 * The UI thread ("ocm-ui"): owns the {@link Screen}, reads keys, runs tasks other threads
 * {@link #post}, and redraws the current view with any dialogs stacked over it. Nothing else
 * touches a view. Slow work (TCP) runs on "ocm-ui-work" and posts its result back.
 */
public final class ClientUi {
    private static final Logger LOG = Logger.getLogger(ClientUi.class.getName());

    /** Keys every screen shares, checked before the view sees the key. */
    public interface GlobalKeys {
        /** Returns true when the key was taken. */
        boolean handle(KeyStroke key);
    }

    private final Screen screen;
    private final Theme theme;
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Deque<View> dialogs = new ArrayDeque<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ocm-ui-work");
        t.setDaemon(true);
        return t;
    });
    private View view;
    private GlobalKeys globalKeys = k -> false;
    private volatile boolean running = true;
    private Runnable ticker = () -> { };
    private long tickerPeriodNanos = Long.MAX_VALUE;
    private long nextTick = Long.MAX_VALUE;
    /** One-shot tasks by due time (System.nanoTime), run on this thread: a note's expiry. */
    private final PriorityQueue<Timed> timers = new PriorityQueue<>(Comparator.comparingLong(Timed::dueNanos));
    private Thread thread;
    /** What ended the loop when it was not a normal stop (a terminal failure, an Error in a view). */
    private volatile Throwable failure;

    /** Null: input is polled every {@link #POLL_MILLIS}; else it wakes the loop, which asks this whether bytes wait undecoded. */
    private final java.util.function.BooleanSupplier inputPending;
    /** How often the process tty is polled for keys (nothing tells the loop they came). */
    static final long POLL_MILLIS = 15;
    /** Input is there but not a whole key yet (a lone Esc, half a sequence): looked at again this soon. */
    static final long PENDING_MILLIS = 30;

    public ClientUi(Screen screen, Theme theme) {
        this(screen, theme, null);
    }

    /**
     * A UI whose input source {@link #post}s a task whenever keys arrive (an SSH channel), so the
     * loop sleeps until then, or until its next timer, instead of polling 60+ times a second.
     * {@code inputPending}: true while bytes wait that Lanterna has not made a key of yet.
     */
    public ClientUi(Screen screen, Theme theme, java.util.function.BooleanSupplier inputPending) {
        this.screen = screen;
        this.theme = theme;
        this.inputPending = inputPending;
    }

    public Theme theme() {
        return theme;
    }

    public void setGlobalKeys(GlobalKeys keys) {
        this.globalKeys = keys;
    }

    /** Runs {@code r} on the UI thread (from any thread). */
    public void post(Runnable r) {
        tasks.add(r);
    }

    /** Runs a blocking task off the UI thread, then its outcome on the UI thread. */
    public <T> void background(Callable<T> task, Consumer<T> onDone, Consumer<String> onError) {
        worker.execute(() -> {
            try {
                T result = task.call();
                post(() -> onDone.accept(result));
            } catch (ClientException e) {
                post(() -> onError.accept(e.getMessage()));
            } catch (Exception e) {
                LOG.log(Level.FINE, "background task failed", e);
                post(() -> onError.accept("unexpected failure: " + e));
            }
        });
    }

    /** Shows a screen (dialogs over the old one are dropped). UI thread only. */
    public void show(View v) {
        dialogs.clear();
        view = v;
    }

    public View current() {
        return dialogs.isEmpty() ? view : dialogs.peek();
    }

    public void openDialog(View dialog) {
        dialogs.push(dialog);
    }

    public void closeDialog(View dialog) {
        dialogs.remove(dialog);
    }

    /** Runs {@code r} on the UI thread every {@code periodMillis} (lobby refresh). UI thread only. */
    public void setTicker(long periodMillis, Runnable r) {
        ticker = r;
        tickerPeriodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        nextTick = System.nanoTime() + tickerPeriodNanos;
    }

    private record Timed(long dueNanos, Runnable task) {
    }

    /** Runs {@code r} once on the UI thread after {@code millis}, then redraws. UI thread only. */
    public void runAfter(long millis, Runnable r) {
        timers.add(new Timed(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis), r));
    }

    /** Ends the loop after the current iteration. */
    public void stop() {
        running = false;
        tasks.add(() -> { });
    }

    /** Starts the "ocm-ui" thread. The screen must already be started. */
    public void start() {
        thread = new Thread(this::loop, "ocm-ui");
        thread.start();
    }

    public void awaitExit() throws InterruptedException {
        thread.join();
    }

    /** Waits at most {@code millis} for the UI thread to end; true when it has (or never started). */
    public boolean awaitExit(long millis) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(millis);
        return !t.isAlive();
    }

    /** Set once the loop has died of an exception rather than stopping: the caller restores the terminal and says why. */
    public java.util.Optional<Throwable> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    private void loop() {
        try {
            boolean dirty = true;
            while (running) {
                for (Runnable r = tasks.poll(); r != null; r = tasks.poll()) {
                    runSafely(r);
                    dirty = true;
                }
                // Take every key already typed (a paste) before drawing once.
                KeyStroke k = screen.pollInput();
                java.util.List<View> touched = new java.util.ArrayList<>(1);
                for (int n = 0; k != null && running; n++) {
                    View v = key(k);
                    if (v != null && !touched.contains(v)) {
                        touched.add(v);
                    }
                    dirty = true;
                    k = n < 4096 ? screen.pollInput() : null;
                }
                touched.forEach(v -> runSafely(v::keysDone));
                if (System.nanoTime() - nextTick >= 0) {
                    nextTick = System.nanoTime() + tickerPeriodNanos;
                    runSafely(ticker);
                    dirty = true;
                }
                while (!timers.isEmpty() && System.nanoTime() - timers.peek().dueNanos() >= 0) {
                    runSafely(timers.poll().task());
                    dirty = true;
                }
                if (screen.doResizeIfNecessary() != null) {
                    dirty = true;
                }
                if (dirty && running) {
                    try {
                        redraw();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "drawing failed", e); // keep the UI alive; the next change redraws
                    }
                    dirty = false;
                }
                if (!dirty) {
                    Runnable r = tasks.poll(waitNanos(), TimeUnit.NANOSECONDS);
                    if (r != null) {
                        runSafely(r);
                        dirty = true;
                    }
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            // RuntimeExceptions from views are caught per task; what gets here ends the UI.
            failure = e;
            LOG.log(Level.WARNING, "the UI stopped on a failure", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            worker.shutdownNow();
        }
    }

    /** How long the loop may sleep when nothing is to be done. */
    private long waitNanos() {
        if (inputPending == null) {
            return TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
        }
        long now = System.nanoTime();
        long wait = nextTick == Long.MAX_VALUE ? Long.MAX_VALUE : nextTick - now;
        if (!timers.isEmpty()) {
            wait = Math.min(wait, timers.peek().dueNanos() - now);
        }
        if (inputPending.getAsBoolean()) {
            wait = Math.min(wait, TimeUnit.MILLISECONDS.toNanos(PENDING_MILLIS));
        }
        return Math.max(0, Math.min(wait, TimeUnit.SECONDS.toNanos(60)));
    }

    /** Hands a key to the global keys or the current view; returns the view that got it, if one did. */
    private View key(KeyStroke k) {
        if (k.getKeyType() == com.googlecode.lanterna.input.KeyType.EOF) {
            globalKeys.handle(new KeyStroke('q', true, false));
            return null;
        }
        if (globalKeys.handle(k)) {
            return null;
        }
        View v = current();
        if (v != null) {
            runSafely(() -> v.handle(k));
        }
        return v;
    }

    private void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "UI task failed", e);
        }
    }

    private void redraw() throws IOException {
        TerminalSize size = screen.getTerminalSize();
        Canvas canvas = new Canvas(screen.newTextGraphics(), theme);
        canvas.clear();
        TerminalSize min = view == null ? new TerminalSize(20, 5) : view.minimumSize();
        if (size.getColumns() < min.getColumns() || size.getRows() < min.getRows()) {
            tooSmall(canvas, size, min);
            screen.setCursorPosition(null);
            screen.refresh();
            return;
        }
        if (view != null) {
            view.draw(canvas);
        }
        for (var it = dialogs.descendingIterator(); it.hasNext(); ) {
            it.next().draw(canvas);
        }
        View top = current();
        TerminalPosition cursor = top == null ? null : top.cursor(size);
        screen.setCursorPosition(cursor);
        screen.refresh();
    }

    private void tooSmall(Canvas c, TerminalSize size, TerminalSize min) {
        String[] lines = {"Terminal too small", size.getColumns() + "x" + size.getRows() + ", need "
                + min.getColumns() + "x" + min.getRows(), "Ctrl+Q quits"};
        for (int i = 0; i < lines.length && i < size.getRows(); i++) {
            c.text(0, i, lines[i], size.getColumns(), theme.error(), theme.background(), SGR.BOLD);
        }
    }
}
