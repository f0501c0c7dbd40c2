package ocm.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.testing.RedisProcess;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode with real processes: the shaded app jar (Lettuce, Netty and Reactor inside) run
 * twice as {@code ocm server --cluster}, a real redis-server between them; v1 and v2 members on
 * both chat in one room; one node is killed (SIGKILL) and its members leave the other's list.
 */
class ClusterProcessesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private final List<Process> nodes = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process p : nodes) {
            p.destroyForcibly().waitFor();
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private record Node(Process process, int tcp, int udp, Path log) {
    }

    private Node node(String name, RedisProcess redis) throws IOException {
        int tcp;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            tcp = s.getLocalPort();
        }
        int udp;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udp = s.getLocalPort();
        }
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder("java", "-jar", System.getProperty("ocm.jar"), "server", "--no-console", "--host", "127.0.0.1",
                "--tcp-port", Integer.toString(tcp), "--udp-port", Integer.toString(udp), "--cluster", redis.uri(), "--node", name,
                "--data-dir", Files.createDirectories(dir.resolve(name)).toString(), "--v2-idle-timeout", "2").redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        nodes.add(p);
        await().atMost(WAIT).until(() -> accepts(tcp) || !p.isAlive());
        assertTrue(p.isAlive(), () -> name + " exited: " + read(log));
        return new Node(p, tcp, udp, log);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private V2TestClient v2(Node n, Admission a) throws Exception {
        V2TestClient c = new V2TestClient(n.udp(), a.room(), a.token(), 300);
        closing.add(c);
        c.register();
        c.awaitRegistered(WAIT);
        return c;
    }

    private static Admission admit(TcrpClient.Answer a) {
        assertTrue(a.ok(), () -> "refused: " + a.refusal());
        return a.admission();
    }

    private static List<String> texts(V2TestClient c) {
        return c.messages().stream().map(Packet.ChatMessage::text).toList();
    }

    @Test
    void twoNodeProcessesShareARoomAndAKilledNodesMembersLeave() throws Exception {
        RedisProcess redis = RedisProcess.start();
        closing.add(redis);
        Node a = node("one", redis);
        Node b = node("two", redis);
        V2TestClient ann = v2(a, admit(new TcrpClient(a.tcp()).create("lobby", "ann", Optional.empty(), 2)));
        V2TestClient bob = v2(b, admit(new TcrpClient(b.tcp()).join("lobby", "bob", Optional.empty(), 2)));
        Admission vicAdmission = admit(new TcrpClient(b.tcp()).join("lobby", "vic", Optional.empty(), 1));
        V1TestClient vic = new V1TestClient(b.udp(), "lobby", vicAdmission.token());
        closing.add(vic);
        vic.register();
        ann.say("hello from one");
        bob.await("bob hears ann", () -> texts(bob).contains("hello from one"), WAIT);
        vic.awaitChat("ann", "hello from one", WAIT);
        bob.say("hello from two");
        vic.sendText("v1 on two");
        ann.await("ann hears bob and vic", () -> texts(ann).containsAll(List.of("hello from two", "v1 on two")), WAIT);
        // The same ids on both nodes.
        int idAtAnn = ann.messages().stream().filter(m -> m.text().equals("hello from two")).findFirst().orElseThrow().msgId();
        bob.await("bob's chat numbered", () -> bob.accepted().stream().anyMatch(x -> x.msgId() > 0), WAIT);
        int ownAtBob = bob.accepted().stream().filter(x -> x.msgId() > 0).findFirst().orElseThrow().msgId();
        assertEquals(idAtAnn, ownAtBob);

        b.process().destroyForcibly().waitFor(); // kill -9
        ann.await("bob and vic leave ann's list", () -> ann.members().stream().map(Packet.Member::name).toList()
                .equals(List.of("ann")), WAIT);
        // Bob's client is pointed at the surviving node: it joins again there and carries on.
        V2TestClient bob2 = v2(a, admit(new TcrpClient(a.tcp()).join("lobby", "bob", Optional.empty(), 2)));
        ann.say("welcome back");
        bob2.await("bob hears ann on node one", () -> texts(bob2).contains("welcome back"), WAIT);
        assertTrue(ann.ended() == null || ann.ended().reason() != EndReason.HOST_TIMED_OUT);
    }
}
