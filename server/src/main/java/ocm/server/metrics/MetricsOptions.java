package ocm.server.metrics;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags of the metrics endpoint, mixed into {@code ./chat server}: off unless a port is given. */
public final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve GET /metrics (Prometheus) and GET /healthz on this TCP port. Default: off.")
    Integer port;

    @Option(names = "--metrics-host", paramLabel = "HOST",
            description = "Address of the metrics endpoint. Default: the --host address.")
    String host;

    /** The port, if the endpoint is on; throws IllegalArgumentException for a port out of range. */
    public Optional<Integer> port() {
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("--metrics-port must be 0..65535, got " + port);
        }
        return Optional.ofNullable(port);
    }

    public String host(String serverHost) {
        return host != null ? host : serverHost;
    }
}
