package ocm.server;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import ocm.server.metrics.HealthCheck;
import ocm.server.metrics.MetricSources;
import ocm.server.metrics.MetricsEndpoint;
import ocm.server.metrics.MetricsOptions;
import ocm.server.metrics.TcpFigures;
import ocm.server.tcp.TcpCounters;

/** Starts the metrics endpoint of a started {@link ChatServer}, if {@code --metrics-port} asks for one. */
final class ServerMetrics {
    private static final Logger LOG = Logger.getLogger("ocm.server.metrics");

    private ServerMetrics() {
    }

    /** What the endpoint reads from this server; {@code droppedLogLines} is the log queue's drop counter. */
    static MetricSources sources(ChatServer server, LongSupplier droppedLogLines) {
        return new MetricSources(server.relayFigures(), server.saveFigures(), server.config().dataDir().isPresent(),
                () -> tcp(server.tcpCounters(), server.openTcpConnections()), droppedLogLines);
    }

    private static TcpFigures tcp(TcpCounters t, int open) {
        return new TcpFigures(t.accepted.get(), open, t.refused.get(), t.busyRefusals.get(), t.badRequests.get(),
                t.timedOut.get(), t.evicted.get(), t.dispatched.get());
    }

    static Optional<MetricsEndpoint> start(ChatServer server, MetricsOptions options, LongSupplier droppedLogLines) throws IOException {
        Optional<Integer> port = options.port();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        MetricSources sources = sources(server, droppedLogLines);
        HealthCheck health = new HealthCheck(sources, System::currentTimeMillis, HealthCheck.DEFAULT_STALE_AFTER);
        String host = options.host(server.config().host());
        MetricsEndpoint endpoint = MetricsEndpoint.start(host, port.get(), sources, health);
        LOG.info("metrics on http://" + host + ":" + endpoint.port() + "/metrics, health on /healthz");
        return Optional.of(endpoint);
    }
}
