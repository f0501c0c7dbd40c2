package ocm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import ocm.server.ChatServer;
import ocm.server.admin.AdminException;
import ocm.server.admin.StatsView;
import ocm.server.config.ServerConfig;

/**
 * A {@link ChatServer} in this process on 127.0.0.1 with free ports, its limits raised so the
 * bench measures the relay and not the rate limiter, and its state file in a temporary directory
 * (persistence is part of the real cost). Its CPU time is the sum over the server's threads
 * (named {@code ocm-*}, the bench's own are {@code ocm-bench-*}). Its log is lowered to warnings
 * while it runs: thousands of "registered" lines would cost CPU and bury the report.
 */
final class EmbeddedServer implements ServerTarget {
    private final ChatServer server;
    private final Path dataDir;
    private final Logger serverLog;
    private final Level previousLevel;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private EmbeddedServer(ChatServer server, Path dataDir, Logger serverLog, Level previousLevel) {
        this.server = server;
        this.dataDir = dataDir;
        this.serverLog = serverLog;
        this.previousLevel = previousLevel;
    }

    static ServerTarget start(BenchConfig config) throws BenchException {
        Path dir;
        try {
            dir = Files.createTempDirectory("ocm-bench-");
        } catch (IOException e) {
            throw new BenchException("cannot create a temporary data directory: " + e.getMessage());
        }
        int rooms = Math.max(ServerConfig.defaults().maxRooms(), config.rooms() + 16);
        int members = Math.max(ServerConfig.defaults().maxMembersPerRoom(), config.members());
        ServerConfig serverConfig = ServerConfig.defaults().withHost("127.0.0.1").withPorts(0, 0)
                .withDataDir(Optional.of(dir))
                .withLimits(rooms, members, 65_536, 65_536)
                .withRate(1_000_000, 1_000_000)
                .withIdleTimeouts(Duration.ofHours(1), Duration.ofMinutes(10));
        Logger serverLog = Logger.getLogger("ocm.server");
        Level previous = serverLog.getLevel();
        serverLog.setLevel(Level.WARNING);
        ChatServer server = new ChatServer(serverConfig);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            server.close();
            serverLog.setLevel(previous);
            deleteTree(dir);
            throw new BenchException("cannot start the embedded server: " + e.getMessage());
        }
        return new EmbeddedServer(server, dir, serverLog, previous);
    }

    @Override
    public InetSocketAddress tcp() {
        return new InetSocketAddress("127.0.0.1", server.tcpPort());
    }

    @Override
    public InetSocketAddress udp() {
        return new InetSocketAddress("127.0.0.1", server.udpPort());
    }

    @Override
    public String description() {
        return "embedded (127.0.0.1 tcp " + server.tcpPort() + " udp " + server.udpPort() + ")";
    }

    @Override
    public OptionalLong cpuNanos() {
        return threadCpu("ocm-");
    }

    @Override
    public OptionalLong relayCpuNanos() {
        return threadCpu("ocm-relay");
    }

    /** Sum over the live server threads whose name starts with {@code prefix}. */
    private OptionalLong threadCpu(String prefix) {
        if (!threads.isThreadCpuTimeSupported()) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            String name = info == null ? "" : info.getThreadName();
            if (name.startsWith(prefix) && !name.startsWith("ocm-bench")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return OptionalLong.of(total);
    }

    @Override
    public Optional<ServerStats> stats() {
        try {
            StatsView v = server.admin().stats();
            return Optional.of(new ServerStats(v.retransmissions(), v.dropsByReason()));
        } catch (AdminException e) {
            // The relay did not answer in time: no figures rather than zeros.
            return Optional.empty();
        }
    }

    @Override
    public OptionalLong heapUsedBytes() {
        System.gc();
        return OptionalLong.of(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        server.close();
        serverLog.setLevel(previousLevel);
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
