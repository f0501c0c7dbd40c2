package ocm.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import ocm.server.cluster.ClusterConfig;
import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import ocm.server.configfile.ConfigApplier;
import ocm.server.configfile.ConfigFileException;
import ocm.server.configfile.ConfigFileOptions;
import ocm.server.console.AdminConsole;
import ocm.server.log.LogFormat;
import ocm.server.log.ServerLog;
import ocm.server.metrics.MetricsEndpoint;
import ocm.server.metrics.MetricsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./chat server}: the dedicated server with its admin console. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the chat server (rooms over TCP, relay over UDP) with its admin console.")
public final class ServerCommand implements Callable<Integer> {
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;
    /** The console's history file, in the data dir. */
    static final String CONSOLE_HISTORY = "console_history";
    /** How long the shutdown hook waits for a line to reach stderr before it goes on without it. */
    private static final long SAY_WAIT_MILLIS = 500;

    @Spec
    CommandSpec spec;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Mixin
    ConfigFileOptions configFile = new ConfigFileOptions();

    @Mixin
    SshOptions ssh = new SshOptions();

    /** Starts the SSH gateway when --ssh-port is given; the launcher passes the real one. */
    private final SshOptions.Gateway gateway;

    public ServerCommand() {
        this(SshOptions.Gateway.NONE);
    }

    public ServerCommand(SshOptions.Gateway gateway) {
        this.gateway = gateway;
    }

    @Option(names = "--no-console", description = "No admin console (for running as a service).")
    boolean noConsole;

    @Option(names = "--max-rooms", defaultValue = "10000", description = "Most rooms at once. Default: ${DEFAULT-VALUE}.")
    int maxRooms;

    @Option(names = "--max-members", defaultValue = "500", description = "Most members per room. Default: ${DEFAULT-VALUE}.")
    int maxMembers;

    @Option(names = "--max-connections", defaultValue = "4096", description = "Most open TCP connections. Default: ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(names = "--max-connections-per-ip", defaultValue = "64", description = "Most open TCP connections per client IP. Default: ${DEFAULT-VALUE}.")
    int maxConnectionsPerIp;

    @Option(names = "--tcp-deadline", defaultValue = "10", paramLabel = "SECONDS",
            description = "A TCP request must be complete within this. Default: ${DEFAULT-VALUE}.")
    int tcpDeadline;

    @Option(names = "--rate", defaultValue = "20", paramLabel = "MSGS",
            description = "Messages per second per member (excess dropped, v2 senders told). Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--burst", defaultValue = "40", description = "Messages a member may send at once above the rate. Default: ${DEFAULT-VALUE}.")
    int burst;

    @Option(names = "--v1-idle-timeout", defaultValue = "1800", paramLabel = "SECONDS",
            description = "Remove a v1 (seed) member silent this long. Default: ${DEFAULT-VALUE}.")
    int v1Idle;

    @Option(names = "--v2-idle-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Remove a v2 member silent this long (they ping every 5 s). Default: ${DEFAULT-VALUE}.")
    int v2Idle;

    @Option(names = "--history", defaultValue = "100", description = "Recent messages kept per room and sent to joiners, 0..10000. Default: ${DEFAULT-VALUE}.")
    int history;

    @Option(names = "--new-rooms-per-ip", defaultValue = "20", paramLabel = "N",
            description = "Rooms one client IP may create at once; then one per second. Default: ${DEFAULT-VALUE}.")
    int newRoomsPerIp;

    @Option(names = "--requests-per-ip", defaultValue = "8", paramLabel = "N",
            description = "TCP requests of one client IP worked on at once; more are refused at once. Default: ${DEFAULT-VALUE}.")
    int requestsPerIp;

    @Option(names = "--host-register-grace", defaultValue = "30", paramLabel = "SECONDS",
            description = "A room whose host has not registered over UDP this long after creating it is removed. Default: ${DEFAULT-VALUE}.")
    int hostRegisterGrace;

    @Option(names = "--max-state-mb", defaultValue = "256", paramLabel = "MIB",
            description = "A bigger state file is moved aside unread, and none bigger is written (less history is saved). Default: ${DEFAULT-VALUE}.")
    int maxStateMib;

    @Option(names = "--log-format", defaultValue = "text", converter = LogFormat.Converter.class, paramLabel = "text|json",
            description = "Log lines on stderr: text (one readable line each) or json (one JSON object each, for log collectors). Default: ${DEFAULT-VALUE}.")
    LogFormat logFormat;

    @Option(names = "--verbose", description = "Log more (each register, dropped datagram reasons).")
    boolean verbose;

    @Option(names = "--cluster", paramLabel = "redis://HOST:PORT",
            description = "Cluster mode: share rooms with the other nodes through this Redis (no state file then). Default: a single node.")
    String clusterRedis;

    @Option(names = "--node", paramLabel = "NAME",
            description = "This node's name in the cluster, unique among the live nodes. Default: the host name and UDP port.")
    String nodeName;

    /** Cluster mode's settings, or null for a single node; a node is counted dead after half the v2 idle timeout of silence (at least 1 s). */
    private ClusterConfig clusterConfig(ServerConfig config) {
        if (clusterRedis == null) {
            if (nodeName != null) {
                throw new IllegalArgumentException("--node names a node of a cluster: give --cluster redis://HOST:PORT too");
            }
            return null;
        }
        String name = nodeName != null ? nodeName : localHostName() + "-" + config.udpPort();
        return new ClusterConfig(clusterRedis, name, Duration.ofMillis(Math.max(1000, config.v2IdleTimeout().toMillis() / 2)));
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ConfigApplier settings;
        try {
            settings = configFile.apply(spec, ServerCommand::new, this::dataDir);
        } catch (ConfigFileException e) {
            err.println("chat server: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (configFile.printConfig()) {
            ConfigFileOptions.print(settings.effective(Map.of("data-dir", dataDir().toString(), "metrics-host", listen.host)),
                    spec.commandLine().getOut());
            return 0;
        }
        ServerConfig config;
        AbuseLimits abuse;
        ClusterConfig cluster;
        try {
            config = config();
            abuse = abuseLimits();
            cluster = clusterConfig(config);
            metrics.port(); // checked before anything starts
            ssh.port();
        } catch (IllegalArgumentException e) {
            err.println("chat server: " + e.getMessage());
            return EXIT_USAGE;
        }
        ServerLog log = new ServerLog();
        log.install(logLevel(), logFormat.formatter());
        ChatServer server = new ChatServer(config, abuse);
        if (cluster != null) {
            server.cluster(cluster);
        }
        try {
            tls.applyTo(server);
            server.start();
        } catch (PortInUseException e) {
            err.println("chat server: cannot start: " + e.getMessage() + ": is another server running? Stop it, or choose"
                    + " another port with " + e.flag());
            return EXIT_FAILURE;
        } catch (IOException e) {
            err.println("chat server: cannot start: " + e.getMessage());
            return EXIT_FAILURE;
        }
        Optional<MetricsEndpoint> endpoint;
        try {
            endpoint = ServerMetrics.start(server, metrics, ServerLog::droppedLines);
        } catch (IOException e) {
            err.println("chat server: cannot start the metrics endpoint: " + e.getMessage());
            server.close();
            return EXIT_FAILURE;
        }
        Optional<AutoCloseable> sshGateway;
        try {
            sshGateway = ssh.port().isPresent() ? Optional.of(gateway.start(server, ssh, spec.commandLine().getOut()))
                    : Optional.empty();
        } catch (IOException e) {
            err.println("chat server: cannot start the SSH gateway: " + e.getMessage());
            endpoint.ifPresent(MetricsEndpoint::close);
            server.close();
            return EXIT_FAILURE;
        }
        // JUL's own shutdown hook may already have closed the log handlers, so this hook speaks on stderr.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sshGateway.ifPresent(ServerCommand::closeQuietly);
            if (!server.isStopped()) {
                say(err, "chat server: stopping: telling clients, saving state");
                server.close();
                say(err, "chat server: stopped");
            }
        }, "ocm-shutdown"));
        try {
            runConsoleOrWait(server, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        } finally {
            sshGateway.ifPresent(ServerCommand::closeQuietly);
            endpoint.ifPresent(MetricsEndpoint::close);
        }
        return 0;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // stopping anyway; the gateway's own log says what went wrong
        }
    }

    /**
     * Prints a line without letting a blocked stderr (a full pipe, a paused terminal) hold up the
     * stop: on a daemon thread, waited for briefly so the lines keep their order when stderr is fine.
     */
    private static void say(PrintWriter err, String line) {
        Thread t = new Thread(() -> err.println(line), "ocm-shutdown-say");
        t.setDaemon(true);
        t.start();
        try {
            t.join(SAY_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The one place the admin console runs (unless --no-console); it returns when the operator
     * quits or the server stops. Piped input that ends leaves the server running, so this then waits.
     */
    private void runConsoleOrWait(ChatServer server, ServerLog log) throws InterruptedException {
        if (!noConsole) {
            runConsole(server, log);
        }
        server.awaitTermination();
    }

    /** The admin console on this process's stdin and stdout, its history in the data dir. */
    private void runConsole(ChatServer server, ServerLog log) {
        Path history = server.config().dataDir().map(d -> d.resolve(CONSOLE_HISTORY)).orElse(null);
        AdminConsole console = new AdminConsole(server.admin(), Optional.of(server.nameOwners()), history, System.in, System.out,
                AdminConsole.Mode.AUTO);
        Handler handler = console.logHandler();
        if (console.interactive()) {
            // Log lines on stderr would land in the middle of the line being typed; the console prints them above it.
            handler.setFormatter(new ServerLog.OneLine());
            log.removeConsoleHandler();
            log.addHandler(handler);
        }
        try {
            console.run();
        } finally {
            if (console.interactive()) {
                log.removeHandler(handler);
                log.install(logLevel(), logFormat.formatter());
            }
        }
    }

    private Level logLevel() {
        return verbose ? Level.FINE : Level.INFO;
    }

    private Path dataDir() {
        return listen.dataDir != null ? listen.dataDir : defaultDataDir();
    }

    /** The configuration these flags describe; throws IllegalArgumentException with a one-line reason. Host mode reuses it. */
    public ServerConfig config() {
        Path dir = dataDir();
        ServerConfig config = ServerConfig.defaults().withHost(listen.host).withPorts(listen.tcpPort, listen.udpPort).withDataDir(Optional.of(dir))
                .withLimits(maxRooms, maxMembers, maxConnections, maxConnectionsPerIp)
                .withTcpRequestDeadline(seconds(tcpDeadline, "--tcp-deadline"))
                .withRate(rate, burst)
                .withIdleTimeouts(seconds(v1Idle, "--v1-idle-timeout"), seconds(v2Idle, "--v2-idle-timeout"))
                .withHistorySize(history);
        DataDirCheck.check(dir);
        return config;
    }

    /** The abuse limits these flags describe; throws IllegalArgumentException with a one-line reason. */
    public AbuseLimits abuseLimits() {
        AbuseLimits d = AbuseLimits.defaults();
        return d.withRoomCreation(newRoomsPerIp, d.roomCreatesPerSecond())
                .withMaxRequestsInFlightPerIp(requestsPerIp)
                .withMaxStateFileBytes(maxStateMib * 1024L * 1024L)
                .withHostRegisterGrace(seconds(hostRegisterGrace, "--host-register-grace"));
    }

    private static Duration seconds(int n, String flag) {
        if (n <= 0) {
            throw new IllegalArgumentException(flag + " must be a positive number of seconds, got " + n);
        }
        return Duration.ofSeconds(n);
    }

    static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("ocm");
    }
}
