package ocm.bench;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./chat bench}: the load generator. Sets up rooms of members like real clients, sends at a
 * fixed rate, and reports loss, delivery rate, latency and (embedded) the server's CPU time.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the relay: rooms of members, senders at a fixed rate, loss and latency.",
                "Without --server it starts its own server on 127.0.0.1 (ephemeral ports)."})
public final class BenchCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = "--protocol", defaultValue = "v1", paramLabel = "v1|v2", description = "UDP protocol the members speak (default ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--rooms", defaultValue = "1", description = "Rooms (default ${DEFAULT-VALUE}).")
    int rooms;

    @Option(names = "--members", defaultValue = "50", description = "Members per room (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--senders", defaultValue = "5", description = "Members per room that send (default ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--rate", defaultValue = "1000", description = "Messages per second, all senders of all rooms together (default ${DEFAULT-VALUE}); the start rate for --find-max.")
    double rate;

    @Option(names = "--duration", defaultValue = "10", description = "Measured seconds per step (default ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--warmup", defaultValue = "2", description = "Seconds of load before measuring (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--size", defaultValue = "64", description = "Chat text bytes (default ${DEFAULT-VALUE}, at least 33).")
    int size;

    @Option(names = "--threads", defaultValue = "1", description = "Bench threads sharing the members (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--idle-rooms", defaultValue = "0", description = "Extra rooms whose members register but never send "
            + "(default ${DEFAULT-VALUE}): shows whether a message's cost depends on members elsewhere.")
    int idleRooms;

    @Option(names = "--idle-members", defaultValue = "10", description = "Members per idle room (default ${DEFAULT-VALUE}).")
    int idleMembers;

    @Option(names = "--find-max", description = "Raise the rate step by step; report the highest with loss < 0.1%%.")
    boolean findMax;

    @Option(names = "--json", description = "Print one JSON line instead of text.")
    boolean json;

    @Option(names = "--server", paramLabel = "HOST", description = "Bench a running server at HOST instead of an embedded one.")
    String serverHost;

    @Option(names = "--tcp-port", defaultValue = "9090", description = "The server's TCRP port with --server (default ${DEFAULT-VALUE}).")
    int tcpPort;

    @Option(names = "--udp-port", defaultValue = "9091", description = "The server's UDP port with --server (default ${DEFAULT-VALUE}).")
    int udpPort;

    @Option(names = "--nodes", split = ",", paramLabel = "HOST:TCP:UDP",
            description = "Bench running cluster nodes (comma-separated): each room's members are spread over them.")
    List<String> nodes;

    private final PrintStream out;
    private final PrintStream err;
    /** The last report, for tests that run the command in-process. */
    private BenchReport report;

    public BenchCommand() {
        this(System.out, System.err);
    }

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        BenchConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            err.println("chat bench: " + e.getMessage());
            return EXIT_USAGE;
        }
        Consumer<String> progress = json ? line -> { } : err::println;
        try (ServerTarget server = target(config)) {
            report = new BenchRunner(config, server, progress).run();
        } catch (BenchException e) {
            err.println("chat bench: " + e.getMessage());
            return EXIT_FAILED;
        }
        out.print(json ? report.json() + System.lineSeparator() : report.text());
        return EXIT_OK;
    }

    BenchReport report() {
        return report;
    }

    private BenchConfig config() {
        ProtocolVersion version;
        switch (protocol.toLowerCase(Locale.ROOT)) {
            case "v1":
            case "1":
                version = ProtocolVersion.V1;
                break;
            case "v2":
            case "2":
                version = ProtocolVersion.V2;
                break;
            default:
                throw new IllegalArgumentException("--protocol must be v1 or v2, got " + protocol);
        }
        checkPort("--tcp-port", tcpPort);
        checkPort("--udp-port", udpPort);
        if (serverHost != null && serverHost.isBlank()) {
            throw new IllegalArgumentException("--server needs a host name or address");
        }
        if (nodes != null) {
            if (serverHost != null) {
                throw new IllegalArgumentException("give either --server (one node) or --nodes (a cluster), not both");
            }
            endpoints(); // checked before anything starts
        }
        return new BenchConfig(version, rooms, members, senders, rate, duration, warmup, size, threads, findMax,
                idleRooms, idleMembers);
    }

    private static void checkPort(String option, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + " must be 1..65535, got " + port);
        }
    }

    /** --nodes as endpoints; a malformed one is a usage error. */
    private List<ServerTarget.Endpoint> endpoints() {
        List<ServerTarget.Endpoint> out = new java.util.ArrayList<>();
        for (String n : nodes) {
            String[] p = n.split(":");
            if (p.length != 3) {
                throw new IllegalArgumentException("--nodes takes HOST:TCP:UDP for each node, got '" + n + "'");
            }
            int tcp;
            int udp;
            try {
                tcp = Integer.parseInt(p[1]);
                udp = Integer.parseInt(p[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--nodes: ports must be numbers, got '" + n + "'");
            }
            checkPort("--nodes TCP port", tcp);
            checkPort("--nodes UDP port", udp);
            out.add(new ServerTarget.Endpoint(new java.net.InetSocketAddress(p[0], tcp), new java.net.InetSocketAddress(p[0], udp)));
        }
        return out;
    }

    private ServerTarget target(BenchConfig config) throws BenchException {
        if (nodes != null && !nodes.isEmpty()) {
            return ServerTarget.cluster(endpoints());
        }
        if (serverHost == null) {
            return EmbeddedServer.start(config);
        }
        InetSocketAddress tcp = new InetSocketAddress(serverHost, tcpPort);
        InetSocketAddress udp = new InetSocketAddress(serverHost, udpPort);
        if (tcp.isUnresolved()) {
            throw new BenchException("cannot resolve --server " + serverHost);
        }
        return ServerTarget.external(tcp, udp);
    }
}
