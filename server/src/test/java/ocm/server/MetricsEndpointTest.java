package ocm.server;

import ocm.server.config.ServerConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import ocm.protocol.tcrp.Admission;
import ocm.server.metrics.HealthCheck;
import ocm.server.metrics.MetricSources;
import ocm.server.metrics.MetricsEndpoint;
import ocm.server.metrics.PrometheusText;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /metrics and /healthz on a running server, after a chat with real v1 and v2 clients. */
class MetricsEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dataDir;
    private ChatServer server;
    private MetricsEndpoint endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        // A burst of 5 and almost no refill: a sixth message in a row is rate-limited.
        server = new ChatServer(ServerConfig.forTests().withDataDir(Optional.of(dataDir)).withRate(0.001, 5)).start();
        MetricSources sources = ServerMetrics.sources(server, () -> 7);
        endpoint = MetricsEndpoint.start("127.0.0.1", 0, sources,
                new HealthCheck(sources, System::currentTimeMillis, HealthCheck.DEFAULT_STALE_AFTER));
    }

    @AfterEach
    void stop() {
        endpoint.close();
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private PrometheusText scrape() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        return PrometheusText.parse(r.body());
    }

    @Test
    void countersMoveByWhatTheChatDid() throws Exception {
        PrometheusText before = scrape();
        double connections = before.get("ocm_tcp_connections_total");
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission alice = tcrp.create("lobby", "alice").admission();
        Admission bob = tcrp.join("lobby", "bob").admission();
        Admission carol = tcrp.join("lobby", "carol", Optional.empty(), 2).admission();
        try (V1TestClient a = new V1TestClient(server.udpPort(), alice.room(), alice.token());
             V1TestClient b = new V1TestClient(server.udpPort(), bob.room(), bob.token());
             V2TestClient c = new V2TestClient(server.udpPort(), carol.room(), carol.token())) {
            a.register();
            b.register();
            c.register();
            c.awaitRegistered(WAIT);
            await().atMost(WAIT).untilAsserted(() -> {
                PrometheusText m = scrape();
                assertEquals(2, m.get("ocm_members{protocol=\"v1\"}"));
                assertEquals(1, m.get("ocm_members{protocol=\"v2\"}"));
            });
            PrometheusText base = scrape();

            a.sendText("one");
            a.sendText("two");
            b.awaitChat("alice", "two", WAIT);
            c.say("three");
            c.say("four");
            c.say("five");
            a.awaitChat("carol", "five", WAIT);
            b.awaitChat("carol", "five", WAIT);
            for (int i = 1; i <= 6; i++) {
                b.sendText("bob " + i); // the sixth is over the burst
            }
            a.awaitChat("bob", "bob 5", WAIT);
            c.await("bob 5", () -> c.messages().stream().anyMatch(x -> x.text().equals("bob 5")), WAIT);

            await().atMost(WAIT).untilAsserted(() -> {
                PrometheusText m = scrape();
                // 2 + 3 + 5 accepted; each reaches the two others.
                assertEquals(10, delta(m, base, "ocm_messages_received_total"));
                assertEquals(20, delta(m, base, "ocm_deliveries_total"));
                assertEquals(1, delta(m, base, "ocm_rate_limited_messages_total"));
                assertEquals(1, delta(m, base, "ocm_drops_total{reason=\"rate_limited\"}"));
            });
        }
        PrometheusText after = scrape();
        assertEquals(3, after.get("ocm_tcp_connections_total") - connections, "one connection per TCRP request");
        assertEquals(0, after.get("ocm_tcp_refusals_total{reason=\"connection_cap\"}"));
        // At least the texts: each sent once, and each delivered to two members.
        int texts = "onetwothreefourfive".length() + "bob 1".length() * 5;
        assertTrue(after.get("ocm_udp_received_bytes_total") >= texts + "bob 6".length(), () -> "in " + after.samples());
        assertTrue(after.get("ocm_udp_sent_bytes_total") >= 2 * texts, () -> "out " + after.samples());
        assertTrue(after.get("ocm_udp_datagrams_received_total") >= 11 && after.get("ocm_udp_datagrams_sent_total") >= 10);
        assertEquals(1, after.get("ocm_rooms"));
        assertEquals(7, after.get("ocm_log_lines_dropped_total"));
        double busy = after.get("ocm_relay_busy_ratio");
        assertTrue(busy >= 0 && busy <= 1, "busy ratio " + busy);
    }

    private static double delta(PrometheusText now, PrometheusText base, String key) {
        return now.get(key) - base.get(key);
    }

    @Test
    void savesAreCountedAndTimed() throws Exception {
        new TcrpClient(server.tcpPort()).create("saved", "alice");
        await().atMost(WAIT).untilAsserted(() -> assertTrue(Files.exists(dataDir.resolve("state.json"))));
        await().atMost(WAIT).untilAsserted(() -> {
            PrometheusText m = scrape();
            assertTrue(m.get("ocm_state_saves_total{result=\"ok\"}") >= 1);
            assertEquals(m.get("ocm_state_saves_total{result=\"ok\"}"), m.get("ocm_state_save_duration_seconds_count"));
            assertTrue(m.get("ocm_state_last_save_timestamp_seconds") > 0);
        });
        assertEquals(0, scrape().get("ocm_state_saves_total{result=\"failed\"}"));
    }

    @Test
    void exposesWellFormedTextWithPrefixedNamesAndUnits() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        PrometheusText m = PrometheusText.parse(r.body());
        for (String family : m.families()) {
            assertTrue(family.startsWith("ocm_") || family.startsWith("jvm_") || family.startsWith("process_"), family);
        }
        assertEquals("counter", m.type("ocm_deliveries_total"));
        assertEquals("gauge", m.type("ocm_rooms"));
        assertEquals("summary", m.type("ocm_state_save_duration_seconds"));
        assertTrue(m.families().stream().anyMatch(f -> f.startsWith("jvm_memory")), "JVM metrics");
        for (String family : m.families()) {
            if (family.startsWith("ocm_") && m.type(family).equals("counter")) {
                assertTrue(family.endsWith("_total"), "a counter's name ends in _total: " + family);
            }
        }
        assertTrue(m.samples().keySet().stream().anyMatch(k -> k.startsWith("ocm_")));
    }

    @Test
    void healthzIsOkWhileTheRelayTurnsAnd503OnceItStops() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> assertEquals(200, get("/healthz").statusCode()));
        assertEquals("ok\n", get("/healthz").body());
        server.halt();
        HttpResponse<String> r = get("/healthz");
        assertEquals(503, r.statusCode());
        assertEquals("relay loop is not running\n", r.body());
    }
}
