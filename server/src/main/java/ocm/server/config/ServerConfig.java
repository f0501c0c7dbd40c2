package ocm.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting of a server. {@link #defaults()} gives what {@code ./chat server} uses; tests
 * start from it and shorten timeouts with the withers. Port 0 means "pick a free port";
 * an empty {@code dataDir} means no persistence.
 */
public record ServerConfig(String host, int tcpPort, int udpPort, Optional<Path> dataDir,
                           int maxRooms, int maxMembersPerRoom, int maxConnections, int maxConnectionsPerIp,
                           Duration tcpRequestDeadline, double messagesPerSecond, int burst,
                           Duration v1IdleTimeout, Duration v2IdleTimeout, int historySize,
                           Duration saveInterval, Duration sweepInterval, int maxBacklog) {
    /** Messages kept per room at most: a joiner is sent at most a backlog's worth anyway, and the state file 64 KiB a room. */
    public static final int MAX_HISTORY = 10_000;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        checkPort(tcpPort, "TCP port");
        checkPort(udpPort, "UDP port");
        positive(maxRooms, "max rooms");
        positive(maxMembersPerRoom, "max members per room");
        positive(maxConnections, "max connections");
        positive(maxConnectionsPerIp, "max connections per IP");
        positive(tcpRequestDeadline, "TCP request deadline");
        if (!(messagesPerSecond > 0)) {
            throw new IllegalArgumentException("messages per second must be > 0, got " + messagesPerSecond);
        }
        positive(burst, "burst");
        positive(v1IdleTimeout, "v1 idle timeout");
        positive(v2IdleTimeout, "v2 idle timeout");
        if (historySize < 0 || historySize > MAX_HISTORY) {
            throw new IllegalArgumentException("history size must be 0.." + MAX_HISTORY + ", got " + historySize);
        }
        positive(saveInterval, "save interval");
        positive(sweepInterval, "sweep interval");
        positive(maxBacklog, "max backlog");
    }

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 9090, 9091, Optional.empty(),
                10_000, 500, 4096, 64, Duration.ofSeconds(10), 20, 40,
                Duration.ofMinutes(30), Duration.ofSeconds(60), 100,
                Duration.ofSeconds(2), Duration.ofSeconds(1), 2048);
    }

    /** For tests: loopback, free ports, no state file, short timeouts. */
    public static ServerConfig forTests() {
        return defaults().withPorts(0, 0).withTcpRequestDeadline(Duration.ofSeconds(2))
                .withSaveInterval(Duration.ofMillis(100)).withSweepInterval(Duration.ofMillis(100));
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, tcpPort, udpPort, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                historySize, saveInterval, sweepInterval, maxBacklog);
    }

    public ServerConfig withPorts(int tcp, int udp) {
        return new ServerConfig(host, tcp, udp, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                historySize, saveInterval, sweepInterval, maxBacklog);
    }

    public ServerConfig withDataDir(Optional<Path> dir) {
        return new ServerConfig(host, tcpPort, udpPort, dir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                historySize, saveInterval, sweepInterval, maxBacklog);
    }

    public ServerConfig withLimits(int rooms, int membersPerRoom, int connections, int connectionsPerIp) {
        return new ServerConfig(host, tcpPort, udpPort, dataDir, rooms, membersPerRoom, connections,
                connectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                historySize, saveInterval, sweepInterval, maxBacklog);
    }

    public ServerConfig withTcpRequestDeadline(Duration d) {
        return new ServerConfig(host, tcpPort, udpPort, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, d, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                historySize, saveInterval, sweepInterval, maxBacklog);
    }

    public ServerConfig withRate(double perSecond, int burstSize) {
        return new ServerConfig(host, tcpPort, udpPort, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, perSecond, burstSize, v1IdleTimeout, v2IdleTimeout,
                historySize, saveInterval, sweepInterval, maxBacklog);
    }

    public ServerConfig withIdleTimeouts(Duration v1, Duration v2) {
        return new ServerConfig(host, tcpPort, udpPort, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1, v2,
                historySize, saveInterval, sweepInterval, maxBacklog);
    }

    public ServerConfig withHistorySize(int n) {
        return new ServerConfig(host, tcpPort, udpPort, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                n, saveInterval, sweepInterval, maxBacklog);
    }

    public ServerConfig withSaveInterval(Duration d) {
        return new ServerConfig(host, tcpPort, udpPort, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                historySize, d, sweepInterval, maxBacklog);
    }

    public ServerConfig withSweepInterval(Duration d) {
        return new ServerConfig(host, tcpPort, udpPort, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                historySize, saveInterval, d, maxBacklog);
    }

    public ServerConfig withMaxBacklog(int n) {
        return new ServerConfig(host, tcpPort, udpPort, dataDir, maxRooms, maxMembersPerRoom, maxConnections,
                maxConnectionsPerIp, tcpRequestDeadline, messagesPerSecond, burst, v1IdleTimeout, v2IdleTimeout,
                historySize, saveInterval, sweepInterval, n);
    }

    private static void checkPort(int port, String what) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 0..65535, got " + port);
        }
    }

    private static void positive(int n, String what) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + n);
        }
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be a positive duration, got " + d);
        }
    }
}
