package ocm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import ocm.protocol.Limits;

/**
 * One bench thread: owns a share of the members (their sockets in one Selector), paces its share
 * of the senders, reads every ready socket in batches into one buffer, and counts. Nothing it owns
 * is shared with other loops; the runner talks to it only through {@link #execute} tasks and the
 * step's future, so the hot path takes no lock.
 */
final class MemberLoop implements Runnable {
    /** Retransmission checks for senders with chats in flight; the RTO floor is 50 ms, so 2 ms is precise enough. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Registration retries and keepalives for every member. */
    private static final long SLOW_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final int MAX_BATCH = 64;
    private static final int MAX_SENDS_PER_ROUND = 2_000;
    /** Registrations per tick (50,000/s): thousands at once would overflow the server's socket buffer. */
    private static final int REGISTERS_PER_TICK = 100;

    private final List<BenchMember> members;
    private final BenchMember[] senders;
    /** Senders with chats not yet acknowledged: the only ones the retransmission timer visits. */
    private final java.util.ArrayList<BenchMember> inFlight = new java.util.ArrayList<>();
    private final Selector selector;
    private final Wire wire;
    private final ByteBuffer in = ByteBuffer.allocateDirect(Limits.MAX_DATAGRAM + 1);
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Consumer<SelectionKey> onReady = this::drain;
    private volatile boolean running = true;
    private volatile int unregistered;

    private LoopStats stats = new LoopStats(0, 0);
    private Step step;
    private long stepSent;
    private long nextTick;
    private long nextSlowTick;
    private boolean registering;
    private int registerCursor;

    MemberLoop(List<BenchMember> members, Selector selector, Wire wire) {
        this.members = List.copyOf(members);
        this.senders = members.stream().filter(m -> m.sender).toArray(BenchMember[]::new);
        this.selector = selector;
        this.wire = wire;
        this.unregistered = members.size();
    }

    int senderCount() {
        return senders.length;
    }

    /** Members not yet acknowledged by the server (v2: no Welcome yet). */
    int unregistered() {
        return unregistered;
    }

    /** Runs {@code task} on this loop's thread, between two rounds. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    void registerAll() {
        execute(() -> registering = true);
    }

    void begin(Step s) {
        execute(() -> {
            step = s;
            stepSent = 0;
            stats = new LoopStats(s.measureFrom(), s.end());
        });
    }

    void leaveAll() {
        execute(() -> {
            // Hosts last, so a closing room does not race the others' leaves.
            for (BenchMember m : members) {
                if (!m.host) {
                    wire.leave(m);
                }
            }
            for (BenchMember m : members) {
                if (m.host) {
                    wire.leave(m);
                }
            }
            running = false;
        });
    }

    @Override
    public void run() {
        try {
            while (running) {
                round();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeAll();
        }
    }

    private void round() throws IOException {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
        long now = System.nanoTime();
        long wait = TimeUnit.NANOSECONDS.toMillis(TICK_NANOS);
        if (step != null) {
            wait = Math.min(wait, pace(now));
        }
        if (now - nextTick >= 0) {
            nextTick = now + TICK_NANOS;
            tick(now);
        }
        if (wait <= 0) {
            selector.selectNow(onReady);
        } else {
            selector.select(onReady, wait);
        }
    }

    /** Sends what is due; returns how long (ms) the loop may sleep before the next send. */
    private long pace(long now) {
        Step s = step;
        if (now - s.start() < 0) {
            return Math.max(0, TimeUnit.NANOSECONDS.toMillis(s.start() - now));
        }
        if (now - s.end() < 0 && senders.length > 0) {
            long due = (long) ((now - s.start()) * s.rate() / 1e9) + 1;
            int budget = MAX_SENDS_PER_ROUND;
            while (stepSent < due && budget-- > 0) {
                BenchMember m = senders[(int) (stepSent % senders.length)];
                wire.chat(m, System.nanoTime(), stats);
                stepSent++;
                if (!m.inFlight && !wire.settled(m)) {
                    m.inFlight = true;
                    inFlight.add(m);
                }
            }
            long untilNext = s.start() + (long) (stepSent * 1e9 / s.rate()) - System.nanoTime();
            // Sleep at least 1 ms rather than spin: the bench shares its cores with the server.
            return untilNext <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNext));
        }
        if (drained(now)) {
            step = null;
            s.result().complete(stats);
            stats = new LoopStats(0, 0);
        }
        return 1;
    }

    private boolean drained(long now) {
        if (now - step.drainUntil() >= 0) {
            return true;
        }
        long last = stats.delivered > 0 && stats.lastMeasuredDelivery - step.end() > 0 ? stats.lastMeasuredDelivery : step.end();
        if (now - last < QUIET_NANOS) {
            return false;
        }
        return inFlight.isEmpty();
    }

    private void tick(long now) {
        if (!registering) {
            return;
        }
        for (int n = 0; n < REGISTERS_PER_TICK && registerCursor < members.size(); n++) {
            wire.register(members.get(registerCursor++), now);
        }
        for (int i = 0; i < inFlight.size(); ) {
            BenchMember m = inFlight.get(i);
            wire.retransmit(m, now, stats);
            if (wire.settled(m)) {
                m.inFlight = false;
                inFlight.set(i, inFlight.get(inFlight.size() - 1));
                inFlight.remove(inFlight.size() - 1);
            } else {
                i++;
            }
        }
        if (now - nextSlowTick < 0) {
            return;
        }
        nextSlowTick = now + SLOW_TICK_NANOS;
        int waiting = members.size() - registerCursor;
        for (BenchMember m : members) {
            wire.tick(m, now, stats);
            if (!wire.registered(m)) {
                waiting++;
            }
        }
        unregistered = waiting;
    }

    /** Reads a ready socket in one batch, then acknowledges the batch once. */
    private void drain(SelectionKey key) {
        BenchMember m = (BenchMember) key.attachment();
        try {
            for (int i = 0; i < MAX_BATCH; i++) {
                in.clear();
                if (m.channel.read(in) <= 0) {
                    break;
                }
                in.flip();
                stats.datagramsIn++;
                wire.receive(m, in, System.nanoTime(), stats);
            }
        } catch (IOException e) {
            stats.errors++; // e.g. ICMP port unreachable: the server is gone
        }
        wire.flushAck(m, stats);
    }

    private void closeAll() {
        for (BenchMember m : members) {
            try {
                m.channel.close();
            } catch (IOException e) {
                // closing: nothing left to do with it
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing
        }
    }
}
