package ocm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a bench against a server: sets up the rooms over TCRP, opens and registers every member's
 * socket, starts the member loops, runs one step (or a {@code --find-max} search) and collects
 * the figures. The caller owns the server.
 */
final class BenchRunner {
    private static final int RECEIVE_BUFFER = 1 << 20;
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long REGISTER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final BenchConfig config;
    private final ServerTarget server;
    private final Consumer<String> progress;
    private final List<MemberLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private Double heapMb;

    BenchRunner(BenchConfig config, ServerTarget server, Consumer<String> progress) {
        this.config = config;
        this.server = server;
        this.progress = progress;
    }

    BenchReport run() throws BenchException {
        try {
            setUp();
            List<StepResult> steps = new ArrayList<>();
            StepResult result;
            Double maxRate = null;
            if (config.findMax()) {
                result = RateSearch.run(config.rate(), this::step, steps);
                maxRate = result == null ? null : result.offeredRate();
            } else {
                result = step(config.rate());
                steps.add(result);
            }
            return new BenchReport(config.protocol().label(), config.rooms(), config.members(), config.senders(),
                    config.idleRooms(), config.idleMembers(), server.description(), result, maxRate, steps, heapMb);
        } finally {
            tearDown();
        }
    }

    // ---- set-up ------------------------------------------------------------------------

    private void setUp() throws BenchException {
        progress.accept(String.format("setting up %d room(s) x %d members (+ %d idle room(s) x %d) over TCRP...",
                config.rooms(), config.members(), config.idleRooms(), config.idleMembers()));
        List<List<BenchMember>> byLoop = new ArrayList<>();
        List<Selector> selectors = new ArrayList<>();
        try {
            for (int i = 0; i < config.threads(); i++) {
                byLoop.add(new ArrayList<>());
                selectors.add(Selector.open());
            }
            createMembers(byLoop, selectors);
        } catch (IOException e) {
            selectors.forEach(BenchRunner::closeQuietly);
            byLoop.forEach(list -> list.forEach(m -> closeQuietly(m.channel)));
            throw new BenchException("cannot open the members' UDP sockets: " + e.getMessage());
        }
        Wire[] wires = new Wire[config.threads()];
        for (int i = 0; i < config.threads(); i++) {
            Sender out = new Sender();
            wires[i] = config.protocol() == ProtocolVersion.V1 ? new V1Wire(out, config.payloadSize())
                    : new V2Wire(out, config.payloadSize());
            MemberLoop loop = new MemberLoop(byLoop.get(i), selectors.get(i), wires[i]);
            loops.add(loop);
            Thread t = new Thread(loop, "ocm-bench-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        register();
        server.heapUsedBytes().ifPresent(b -> heapMb = b / (1024.0 * 1024.0));
    }

    private void createMembers(List<List<BenchMember>> byLoop, List<Selector> selectors) throws IOException, BenchException {
        // Cluster: member i of room r goes to node (r + i) mod n, so each room spans the nodes and hosts are spread too.
        List<ServerTarget.Endpoint> nodes = server.endpoints();
        List<TcrpClient> tcrps = new ArrayList<>();
        for (ServerTarget.Endpoint n : nodes) {
            tcrps.add(new TcrpClient(n.tcp(), config.protocol().number()));
        }
        SecureRandom random = new SecureRandom();
        String runId = Integer.toString(random.nextInt(1 << 30), 36);
        int id = 0;
        int rooms = config.rooms() + config.idleRooms();
        for (int r = 0; r < rooms; r++) {
            boolean idle = r >= config.rooms();
            String room = (idle ? "idle-" : "bench-") + runId + "-" + r;
            int size = idle ? config.idleMembers() : config.members();
            for (int i = 0; i < size; i++) {
                String user = "m" + i;
                int node = (r + i) % nodes.size();
                TcrpClient tcrp = tcrps.get(node);
                String token = i == 0 ? tcrp.create(room, user) : tcrp.join(room, user);
                boolean sender = !idle && i < config.senders();
                BenchMember m = openMember(id, r, i == 0, sender, room, token, random, nodes.get(node).udp());
                int loop = id % config.threads();
                m.channel.register(selectors.get(loop), SelectionKey.OP_READ, m);
                byLoop.get(loop).add(m);
                id++;
            }
        }
    }

    /** A member's socket, connected to the server so every read and write goes without an address object. */
    private BenchMember openMember(int id, int room, boolean host, boolean sender, String roomName, String token,
                                   SecureRandom random, java.net.InetSocketAddress udp) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            ch.bind(null);
            ch.connect(udp);
            ch.configureBlocking(false);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        boolean v1 = config.protocol() == ProtocolVersion.V1;
        byte[] prefix = v1 ? V1Wire.prefix(roomName, token) : V2Wire.prefix(roomName, token);
        V2State v2 = v1 ? null : new V2State(random.nextInt() | 1, sender);
        return new BenchMember(id, room, host, sender, ch, prefix, v2);
    }

    /** v2: until every member has its Welcome; v1 has no answer, so wait a moment for the server to take them. */
    private void register() throws BenchException {
        progress.accept(String.format("registering %d UDP sockets (%s)...", config.totalMembers(), config.protocol().label()));
        loops.forEach(MemberLoop::registerAll);
        long deadline = System.nanoTime() + REGISTER_TIMEOUT_NANOS;
        sleepNanos(TimeUnit.MILLISECONDS.toNanos(100)); // let the loops run their first slow tick
        while (true) {
            int waiting = loops.stream().mapToInt(MemberLoop::unregistered).sum();
            if (waiting == 0) {
                if (config.protocol() == ProtocolVersion.V1) {
                    sleepNanos(TimeUnit.MILLISECONDS.toNanos(200)); // no answer in v1: give the server a moment
                }
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BenchException(waiting + " of " + config.totalMembers()
                        + " members never got a Welcome from the server within 30 s");
            }
            sleepNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    // ---- steps -------------------------------------------------------------------------

    private StepResult step(double rate) throws BenchException {
        long start = System.nanoTime() + START_DELAY_NANOS;
        long measureFrom = start + seconds(config.warmupSeconds());
        long end = measureFrom + seconds(config.durationSeconds());
        long drainUntil = end + TimeUnit.SECONDS.toNanos(config.protocol() == ProtocolVersion.V1 ? 2 : 10);
        List<CompletableFuture<LoopStats>> results = new ArrayList<>();
        for (MemberLoop loop : loops) {
            CompletableFuture<LoopStats> f = new CompletableFuture<>();
            results.add(f);
            double share = rate * loop.senderCount() / config.totalSenders();
            loop.begin(new Step(share, start, measureFrom, end, drainUntil, f));
        }
        progress.accept(String.format("step: %.0f msg/s for %.1f s (+ %.1f s warm-up)...", rate,
                config.durationSeconds(), config.warmupSeconds()));
        sleepNanos(measureFrom - System.nanoTime());
        long server0 = server.cpuNanos().orElse(0);
        long relay0 = server.relayCpuNanos().orElse(0);
        java.util.Optional<ServerStats> stats0 = server.stats();
        long process0 = processCpuNanos();
        java.util.Optional<CpuWait> wait0 = CpuWait.now();
        sleepNanos(end - System.nanoTime());
        java.util.Optional<CpuWait> wait = wait0.flatMap(before -> CpuWait.now().map(after -> after.since(before)));
        long server1 = server.cpuNanos().orElse(0);
        long relay1 = server.relayCpuNanos().orElse(0);
        long process1 = processCpuNanos();
        LoopStats total = new LoopStats(measureFrom, end);
        for (CompletableFuture<LoopStats> f : results) {
            total.add(await(f, drainUntil));
        }
        ServerStats serverStats = stats0.flatMap(before -> server.stats().map(after -> after.since(before))).orElse(null);
        Double serverCpu = server.cpuNanos().isPresent() ? (server1 - server0) / 1e9 : null;
        Double relayCpu = server.relayCpuNanos().isPresent() ? (relay1 - relay0) / 1e9 : null;
        StepResult r = StepResult.of(rate, config.durationSeconds(), total, config.members(), serverCpu, relayCpu, serverStats,
                (process1 - process0) / 1e9, wait.orElse(null));
        progress.accept(BenchReport.describe(r).stripTrailing());
        return r;
    }

    private static LoopStats await(CompletableFuture<LoopStats> f, long drainUntil) throws BenchException {
        try {
            long wait = drainUntil - System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            return f.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new BenchException("a bench thread did not finish its step (it may have failed)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private void tearDown() {
        loops.forEach(MemberLoop::leaveAll);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    private static void sleepNanos(long nanos) throws BenchException {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // giving up on set-up anyway
        }
    }
}
