package ocm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import ocm.client.config.SettingsStore;
import ocm.client.net.ChatClient;
import ocm.client.net.Clock;
import ocm.client.net.EventLog;
import ocm.client.net.NetEvent;
import ocm.client.net.RoomRequest;
import ocm.client.net.ServerAddress;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import ocm.server.testing.LossyUdpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Two real clients chatting through an embedded server on loopback port 0. */
class RealServerTest {
    @TempDir
    Path dir;

    private static ChatClient client(ChatServer server, int udpPort, EventLog log) throws Exception {
        ChatClient c = new ChatClient(new ServerAddress("127.0.0.1", server.tcpPort(), udpPort), Clock.SYSTEM,
                new Random(), 5_000);
        c.setListener(log);
        return c;
    }

    private static void await(BooleanSupplier ok, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened within 60 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> texts(EventLog log) {
        return log.of(NetEvent.Message.class).stream().map(NetEvent.Message::text).collect(Collectors.toList());
    }

    @Test
    void twoClientsChatAndTheHostLeavingClosesTheRoom() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            EventLog aliceLog = new EventLog();
            EventLog bobLog = new EventLog();
            ChatClient alice = client(server, server.udpPort(), aliceLog);
            ChatClient bob = client(server, server.udpPort(), bobLog);
            try {
                assertTrue(alice.enter(RoomRequest.create("den", "alice", Optional.empty())).host());
                aliceLog.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE);
                bob.enter(RoomRequest.join("den", "bob", Optional.empty()));
                aliceLog.await(NetEvent.RoomEvent.class, e -> e.kind() == EventKind.JOINED && e.name().equals("bob"));
                bobLog.await(NetEvent.Members.class, m -> m.members().size() == 2);
                long id = alice.send("den", "hi bob", false);
                bobLog.await(NetEvent.Message.class, m -> m.sender().equals("alice") && m.text().equals("hi bob"));
                aliceLog.await(NetEvent.Delivered.class, d -> d.localId() == id && d.msgId() > 0);
                bob.send("den", "waves", true);
                aliceLog.await(NetEvent.Message.class, m -> m.action() && m.text().equals("waves"));
                assertTrue(alice.listRooms().stream().anyMatch(r -> r.name().equals("den") && r.members() == 2));
                alice.leave("den");
                NetEvent.Ended ended = bobLog.await(NetEvent.Ended.class, e -> true);
                assertEquals(Optional.of(EndReason.HOST_LEFT), ended.reason());
            } finally {
                alice.shutdown();
                bob.shutdown();
            }
        }
    }

    @Test
    void everyMessageArrivesOnceAndInOrderThroughALossyPath() throws Exception {
        ServerConfig config = ServerConfig.forTests().withRate(100_000, 100_000);
        try (ChatServer server = new ChatServer(config).start();
             LossyUdpProxy proxy = new LossyUdpProxy(server.udpPort(),
                     LossyUdpProxy.Impairment.of(0.2, 0.05, 0.2, 40), 20261124)) {
            EventLog aliceLog = new EventLog();
            EventLog bobLog = new EventLog();
            ChatClient alice = client(server, proxy.port(), aliceLog);
            ChatClient bob = client(server, proxy.port(), bobLog);
            try {
                alice.enter(RoomRequest.create("lossy", "alice", Optional.empty()));
                bob.enter(RoomRequest.join("lossy", "bob", Optional.empty()));
                bobLog.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE);
                // Depending on what the proxy loses, alice learns of bob from a JOINED event or her first member list.
                aliceLog.await(NetEvent.Members.class, m -> m.members().size() == 2);
                List<String> sent = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    sent.add("message " + i);
                    alice.send("lossy", "message " + i, false);
                }
                await(() -> texts(bobLog).size() >= 100, "bob got 100 messages, has " + texts(bobLog).size());
                // Accepted is unreliable: a chat whose Accepted was lost is known delivered by the server's Ack.
                await(() -> aliceLog.of(NetEvent.Delivered.class).stream().map(NetEvent.Delivered::localId)
                        .distinct().count() >= 100, "alice saw all 100 delivered");
                assertEquals(sent, texts(bobLog));
                assertTrue(aliceLog.of(NetEvent.NotDelivered.class).isEmpty());
                assertTrue(proxy.dropped.get() > 0, "the proxy dropped nothing: the test tested nothing");
            } finally {
                alice.shutdown();
                bob.shutdown();
            }
        }
    }

    @Test
    void afterAServerRestartClientsRegisterAgainAndChatOn() throws Exception {
        ServerConfig config = ServerConfig.forTests().withDataDir(Optional.of(dir.resolve("state")));
        ChatServer first = new ChatServer(config).start();
        int tcp = first.tcpPort();
        int udp = first.udpPort();
        EventLog aliceLog = new EventLog();
        EventLog bobLog = new EventLog();
        ChatClient alice = client(first, udp, aliceLog);
        ChatClient bob = client(first, udp, bobLog);
        ChatServer second = null;
        try {
            alice.enter(RoomRequest.create("den", "alice", Optional.empty()));
            bob.enter(RoomRequest.join("den", "bob", Optional.empty()));
            bobLog.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE);
            // If bob registers before alice does, she learns of him from her first member list, not a JOINED event.
            aliceLog.await(NetEvent.Members.class, m -> m.members().size() == 2);
            alice.send("den", "before", false);
            bobLog.await(NetEvent.Message.class, m -> m.text().equals("before"));
            first.close();
            second = new ChatServer(config.withPorts(tcp, udp)).start();
            alice.send("den", "after", false);
            aliceLog.await(NetEvent.Notice.class, n -> n.text().contains("registering again"));
            bobLog.await(NetEvent.Notice.class, n -> n.text().contains("registered again"));
            bobLog.await(NetEvent.Message.class, m -> m.text().equals("after"));
            assertEquals(List.of("before", "after"), texts(bobLog), "shown once each, in order");
        } finally {
            alice.shutdown();
            bob.shutdown();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void twoPlainModeClientsChat() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            PlainRun alice = new PlainRun(server, "--name", "alice", "--create", "plainroom");
            alice.awaitOutput("-- created plainroom as alice");
            PlainRun bob = new PlainRun(server, "--name", "bob", "--join", "plainroom");
            bob.awaitOutput("-- joined plainroom as bob");
            alice.awaitOutput("* bob joined");
            bob.say("hello from bob");
            alice.awaitOutput("bob: hello from bob");
            alice.say("/me waves");
            bob.awaitOutput("* alice waves");
            alice.say("/quit");
            bob.awaitOutput("-- room closed: host left");
            assertEquals(0, alice.exitCode());
            bob.endInput();
            assertEquals(0, bob.exitCode());
        }
    }

    /**
     * Finding 1: 300 lines piped at full speed into plain mode reach a reader, all, in order; the
     * writer exits 0 with nothing on stderr, and the reader exits by itself when the room closes.
     */
    @Test
    void threeHundredPipedLinesReachAReaderAllInOrder() throws Exception {
        pipedLinesReachAReader(ServerConfig.forTests(), 300);
    }

    /** The same with the server's --rate 5: the lines wait longer, none is lost. */
    @Test
    void threeHundredPipedLinesReachAReaderAtRate5() throws Exception {
        pipedLinesReachAReader(ServerConfig.forTests().withRate(5, 40), 300);
    }

    private void pipedLinesReachAReader(ServerConfig config, int n) throws Exception {
        try (ChatServer server = new ChatServer(config).start()) {
            PlainRun writer = new PlainRun(server, "--name", "alice", "--create", "pipe");
            writer.awaitOutput("-- created pipe as alice");
            PlainRun reader = new PlainRun(server, "--name", "bob", "--join", "pipe");
            reader.awaitOutput("-- joined pipe as bob");
            writer.awaitOutput("* bob joined");
            List<String> lines = new ArrayList<>();
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                lines.add("line " + i + " of the file");
                all.append("line ").append(i).append(" of the file\n");
            }
            writer.say(all.toString().stripTrailing()); // at once, as a pipe would
            writer.endInput();
            assertEquals(0, writer.exitCode(), writer.errors());
            assertEquals("", writer.errors());
            // The host left at the end of its input: the room closed, and the reader exits by itself.
            assertEquals(0, reader.exitCode(), reader.output());
            List<String> got = reader.output().lines().filter(l -> l.startsWith("alice: "))
                    .map(l -> l.substring("alice: ".length())).collect(Collectors.toList());
            assertEquals(lines, got);
            assertTrue(reader.output().lines().anyMatch(l -> l.equals("-- room closed: host left")), reader.output());
            assertEquals(0L, server.admin().stats().dropsByReason().getOrDefault("rate limited", 0L), "paced, none refused");
        }
    }

    /** Finding 5: lines just before /leave in plain mode reach the room; nothing is reported lost. */
    @Test
    void plainLinesBeforeLeaveAreDelivered() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests().withRate(20, 2)).start()) {
            PlainRun alice = new PlainRun(server, "--name", "alice", "--create", "room01");
            alice.awaitOutput("-- created room01 as alice");
            PlainRun bob = new PlainRun(server, "--name", "bob", "--join", "room01");
            bob.awaitOutput("-- joined room01 as bob");
            alice.awaitOutput("* bob joined");
            bob.say("hello room01\nsecond line\nthird line\n/leave");
            bob.endInput();
            assertEquals(0, bob.exitCode(), bob.errors());
            assertEquals("", bob.errors());
            alice.awaitOutput("* bob left");
            List<String> got = alice.output().lines().filter(l -> l.startsWith("bob: ")).collect(Collectors.toList());
            assertEquals(List.of("bob: hello room01", "bob: second line", "bob: third line"), got);
            alice.endInput();
            assertEquals(0, alice.exitCode());
        }
    }

    /** {@code ./chat client --plain} in this JVM, with piped stdin and captured stdout and stderr. */
    private final class PlainRun {
        private final PipedOutputStream stdin = new PipedOutputStream();
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        private final Thread thread;
        private volatile int code = -1;

        PlainRun(ChatServer server, String... args) throws Exception {
            PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
            List<String> all = new ArrayList<>(List.of("--plain", "--server", "127.0.0.1",
                    "--tcp-port", String.valueOf(server.tcpPort()), "--udp-port", String.valueOf(server.udpPort())));
            all.addAll(List.of(args));
            ClientCommand cmd = new ClientCommand(in, out, err, new SettingsStore(dir.resolve(args[1] + ".json")));
            thread = new Thread(() -> code = new CommandLine(cmd).execute(all.toArray(String[]::new)), "plain-" + args[1]);
            thread.start();
        }

        void say(String line) throws Exception {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        void endInput() throws Exception {
            stdin.close();
        }

        String output() {
            synchronized (out) {
                return stdout.toString(StandardCharsets.UTF_8);
            }
        }

        /** Stderr without the first-contact line (each run pins the test server's new key: see PinnedTlsTest). */
        String errors() {
            synchronized (out) {
                return stderr.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains(": first connection to "))
                        .map(l -> l + "\n").collect(Collectors.joining());
            }
        }

        void awaitOutput(String line) {
            await(() -> output().lines().anyMatch(l -> l.equals(line)), "output line '" + line + "'; got:\n" + output());
        }

        int exitCode() throws InterruptedException {
            thread.join(120_000);
            return code;
        }
    }
}
