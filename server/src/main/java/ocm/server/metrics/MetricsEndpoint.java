package ocm.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP endpoint for monitoring: {@code GET /metrics} (Prometheus text format, the official
 * client's handler over its own registry: {@code ocm_*} and JVM metrics) and {@code GET /healthz}
 * (200 "ok" or 503 with the reason). Served by the JDK's HTTP server on two named threads
 * ({@code ocm-metrics-N}), never the relay's.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService threads;

    private MetricsEndpoint(HttpServer http, ExecutorService threads) {
        this.http = http;
        this.threads = threads;
    }

    /** Binds {@code host:port} (0: a free port) and starts serving. */
    public static MetricsEndpoint start(String host, int port, MetricSources sources, HealthCheck health) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        OcmCollectors.register(sources, registry);
        JvmMetrics.builder().register(registry);
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 16);
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ocm-metrics-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(threads);
        http.createContext("/metrics", new MetricsHandler(registry));
        http.createContext("/healthz", exchange -> answerHealth(exchange, health.problem()));
        http.start();
        return new MetricsEndpoint(http, threads);
    }

    private static void answerHealth(HttpExchange exchange, Optional<String> problem) throws IOException {
        try (exchange) {
            if (!"/healthz".equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = (problem.orElse("ok") + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(problem.isPresent() ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
