package ocm.server.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.protocol.Limits;
import ocm.server.config.Addresses;
import ocm.server.config.ServerConfig;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import ocm.server.stats.DropReason;
import ocm.server.stats.RelayFigures;

/**
 * The relay thread ({@code ocm-relay}) and its non-blocking UDP socket. It owns every room:
 * other threads (TCP service, console) hand it work with {@link #submit} and wait on the
 * future. Each turn: read every waiting datagram, run submitted tasks, run timers, then send
 * what each member has ready (one bundle per member).
 */
public final class RelayLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("ocm.server.relay");
    private static final int MAX_READS_PER_TURN = 512;
    private static final java.util.function.Consumer<SelectionKey> IGNORE_KEY = key -> { };

    private final ServerConfig config;
    private final DatagramChannel channel;
    private final Selector selector;
    private final Relay relay;
    private final Counters counters;
    private final Clock clock;
    /** Published for the metrics endpoint and /healthz; see {@link RelayFigures}. */
    private final RelayFigures figures = new RelayFigures();
    private final RoomRegistry registry;
    private final ConcurrentLinkedQueue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer in = ByteBuffer.allocate(Limits.MAX_DATAGRAM + 1);
    private final LongConsumer periodic;
    private final Thread thread;
    private volatile boolean running = true;
    private long nextSweep;
    private long nextSample;

    /**
     * Binds the UDP socket; {@link #start} starts the thread, which then owns {@code rooms} and
     * {@code counters}. {@code periodic} runs on the relay thread every turn.
     */
    public RelayLoop(ServerConfig config, RoomService rooms, Tokens tokens, Counters counters, Clock clock,
                     LongConsumer periodic) throws IOException {
        this.config = config;
        this.counters = counters;
        this.clock = clock;
        this.periodic = periodic;
        this.registry = rooms.registry();
        this.channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        channel.bind(new InetSocketAddress(config.host(), config.udpPort()));
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        this.relay = new Relay(config, rooms, tokens, counters, channel::send, clock);
        this.thread = new Thread(this::run, "ocm-relay");
    }

    public void start() {
        thread.start();
    }

    /** Who is told if this thread dies of an uncaught Error (the server exits then); before {@link #start}. */
    public void onDeath(Thread.UncaughtExceptionHandler handler) {
        thread.setUncaughtExceptionHandler(handler);
    }

    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Safe from any thread. */
    public RelayFigures figures() {
        return figures;
    }

    public boolean onRelayThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code work} on the relay thread; the future completes with its result or exception. */
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (onRelayThread()) {
            run(work, f);
            return f;
        }
        if (!running) {
            f.completeExceptionally(stopped());
            return f;
        }
        Task task = new Task(() -> run(work, f), f);
        tasks.add(task);
        // The loop may have stopped between the check and the add, after its last runTasks: then no
        // one would run the task, so take it back and fail it now (unless the loop already took it).
        if (!running && tasks.remove(task)) {
            task.fail();
            return f;
        }
        selector.wakeup();
        return f;
    }

    /** A submitted piece of work and the future to fail if the relay stops before running it. */
    private record Task(Runnable work, CompletableFuture<?> future) {
        void fail() {
            future.completeExceptionally(stopped());
        }
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("the relay has stopped");
    }

    private static <T> void run(Callable<T> work, CompletableFuture<T> f) {
        try {
            f.complete(work.call());
        } catch (Exception | Error e) {
            f.completeExceptionally(e);
        }
    }

    private void run() {
        long now = clock.millis();
        nextSweep = now + config.sweepInterval().toMillis();
        nextSample = now;
        figures.running(true);
        while (running) {
            try {
                turn();
            } catch (IOException | RuntimeException e) {
                // One bad turn must not stop the relay: log it and go on.
                LOG.log(Level.WARNING, "relay turn failed: " + e, e);
            }
        }
        figures.running(false);
        runTasks(); // futures submitted while stopping still complete
    }

    private void turn() throws IOException {
        long wait = relay.busy() ? 10 : Math.max(1, Math.min(nextSweep - clock.millis(), 250));
        // The turn reads the socket whatever is ready: a no-op action instead of the selected-key
        // set, which allocated a HashMap node on every turn (tens of thousands per second).
        long idleFrom = System.nanoTime();
        selector.select(IGNORE_KEY, wait);
        figures.idle(System.nanoTime() - idleFrom);
        long now = clock.millis();
        figures.beat(now);
        for (int i = 0; i < MAX_READS_PER_TURN; i++) {
            in.clear();
            InetSocketAddress from = (InetSocketAddress) channel.receive(in);
            if (from == null) {
                break;
            }
            in.flip();
            if (in.remaining() > Limits.MAX_DATAGRAM) {
                counters.datagramsIn++;
                counters.drop(DropReason.GARBAGE);
                continue;
            }
            try {
                relay.onDatagram(in, from, now);
            } catch (RuntimeException e) {
                counters.drop(DropReason.GARBAGE);
                LOG.log(Level.WARNING, "datagram from " + Addresses.show(from) + " failed: " + e, e);
            }
        }
        runTasks();
        now = clock.millis();
        relay.retransmit(now);
        if (now >= nextSweep) {
            nextSweep = now + config.sweepInterval().toMillis();
            relay.sweep(now);
        }
        if (now >= nextSample) {
            nextSample = now + 1000;
            counters.sample(now);
            figures.publish(now, counters, registry.memberCounts());
        }
        relay.flush(now);
        periodic.accept(now);
    }

    private void runTasks() {
        Task t;
        while ((t = tasks.poll()) != null) {
            t.work().run();
        }
        relay.flush(clock.millis());
    }

    /**
     * Stops the thread (after the tasks already submitted) and closes the socket. Tasks the thread
     * did not run (it was never started, or did not stop in time) fail rather than leave their
     * callers waiting.
     */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Task t;
            while ((t = tasks.poll()) != null) {
                t.fail();
            }
        }
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing the UDP socket: " + e);
        }
    }
}
