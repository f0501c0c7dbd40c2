package ocm.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball that {@code mvn package} leaves in app/target, unpacked into an empty
 * directory and run with nothing but Java: {@code bin/ocm server --no-console}, a seed-format
 * client chats through it, /healthz answers, and SIGTERM tells a v2 client and saves the state.
 */
class ReleaseTarballIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("ocm.tarball"));
        assertTrue(Files.isRegularFile(tarball), "mvn package makes " + tarball);
        Path into = Files.createDirectory(dir.resolve("install"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString()).inheritIO().start();
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0, "tar -xzf");
        Path home = into.resolve("ocm-" + System.getProperty("ocm.version"));
        for (String f : List.of("bin/ocm", "lib/ocm.jar", "README.md", "docs/PROTOCOL.md", "share/ocm.service", "share/server.conf.example")) {
            assertTrue(Files.exists(home.resolve(f)), "the release has " + f);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/ocm")));
        return home;
    }

    private static String run(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/ocm").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ocm " + String.join(" ", args) + " finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void versionNamesTheReleaseAndItsCommit() throws Exception {
        String v = run(unpack(), "--version");
        assertTrue(v.matches("OCM " + java.util.regex.Pattern.quote(System.getProperty("ocm.version"))
                + " \\(commit ([0-9a-f]{7,40}|unknown)\\)"), v);
    }

    @Test
    void unpackedReleaseServesASeedClientAndStopsCleanlyOnSigterm() throws Exception {
        Path home = unpack();
        Path data = Files.createDirectory(dir.resolve("data"));
        int tcp = freeTcpPort();
        int udp = freeUdpPort();
        int metrics = freeTcpPort();
        Path log = dir.resolve("server.log");
        server = new ProcessBuilder(home.resolve("bin/ocm").toString(), "server", "--no-console", "--host", "127.0.0.1",
                "--tcp-port", Integer.toString(tcp), "--udp-port", Integer.toString(udp), "--data-dir", data.toString(),
                "--metrics-port", Integer.toString(metrics), "--log-format", "json")
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        await().atMost(WAIT).until(() -> accepts(tcp) || !server.isAlive());
        assertTrue(server.isAlive(), () -> "server exited: " + read(log));

        Path seed = Path.of(System.getProperty("ocm.seedClient"));
        assumeTrue(Files.exists(seed) && python3(), "python3 and the seed client are needed");
        Process p = new ProcessBuilder("python3", seed.toString(), Integer.toString(tcp), Integer.toString(udp), "release room")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "seed client finished");
        assertEquals("OK", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());

        Admission kept = new TcrpClient("127.0.0.1", tcp).create("kept room", "alice", Optional.empty(), 2).admission();
        try (V2TestClient alice = new V2TestClient(udp, kept.room(), kept.token())) {
            alice.register();
            alice.awaitRegistered(WAIT);
            server.destroy(); // SIGTERM, as systemctl stop sends
            alice.await("told the server is shutting down",
                    () -> alice.errors().stream().anyMatch(e -> e.code() == ErrorCode.SERVER_SHUTTING_DOWN), WAIT);
        }
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
        assertEquals(143, server.exitValue(), "the JVM's exit status after a handled SIGTERM (the unit's SuccessExitStatus)");
        String state = Files.readString(data.resolve("state.json"));
        assertTrue(state.contains("kept room"), state);

        List<String> lines = Files.readAllLines(log);
        List<String> jsonLines = lines.stream().filter(l -> l.startsWith("{")).toList();
        assertTrue(jsonLines.stream().anyMatch(l -> l.contains("listening on")), String.join("\n", lines));
        for (String line : jsonLines) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            assertTrue(o.has("time") && o.has("level") && o.has("logger") && o.has("message"), line);
        }
    }

    @Test
    void theUnitFileVerifiesWithSystemd() throws Exception {
        Path home = unpack();
        String unit = Files.readString(home.resolve("share/ocm.service"));
        for (String want : List.of("--no-console", "Restart=on-failure", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/ocm", "-XX:+ExitOnOutOfMemoryError")) {
            assertTrue(unit.contains(want), "the unit has " + want);
        }
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
        Path copy = Files.writeString(dir.resolve("ocm.service"), unit.replace("/opt/ocm/bin/ocm", home.resolve("bin/ocm").toString()));
        Process p = new ProcessBuilder("systemd-analyze", "verify", copy.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().noneMatch(l -> l.contains("ocm.service")), out);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean python3() {
        return onPath("python3");
    }

    private static boolean onPath(String program) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + program).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
