package ocm.server;

import static ocm.server.testing.Waiting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v1.V1ServerMessage;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;
import ocm.server.admin.AdminException;
import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import ocm.server.testing.FakeClock;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: what a hostile client could do against the server of before, each attack with its
 * figure as a bound (members made, bytes a victim receives per byte sent, answers per datagram)
 * and a real user's outcome beside it.
 */
class HostileClientTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Another loopback address, standing for a victim whose address an attacker forges. */
    static final String VICTIM_IP = "127.0.0.2";
    private ChatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ChatServer start(ServerConfig config) throws Exception {
        server = new ChatServer(config).start();
        return server;
    }

    private long drops(String reason) throws AdminException {
        return server.admin().stats().dropsByReason().getOrDefault(reason, 0L);
    }

    private void awaitDrops(String reason, long atLeast) {
        await("drops for " + reason).atMost(WAIT).until(() -> drops(reason), n -> n >= atLeast);
    }

    private void awaitV1Registered(String room, int n) {
        await("v1 members registered").atMost(WAIT).until(() -> server.admin().users(Optional.of(room)).stream()
                .filter(u -> u.protocol() == 1).count(), c -> c >= n);
    }

    /** A seed-format datagram from "*test*" saying "marker" to {@code to}: what arrives after it was sent after it. */
    private static void sendMarker(InetSocketAddress to) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64);
        V1Codec.encodeServer(b, "*test*".getBytes(StandardCharsets.UTF_8), "marker".getBytes(StandardCharsets.UTF_8));
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.send(new DatagramPacket(b.array(), b.position(), to));
        }
    }

    /** Receives on {@code victim} until the marker, counting the bytes of everything before it. */
    private static long bytesBeforeMarker(DatagramSocket victim) throws Exception {
        victim.setSoTimeout((int) WAIT.toMillis());
        long bytes = 0;
        byte[] buf = new byte[65536];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            victim.receive(p);
            if (new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8).endsWith("marker")) {
                return bytes;
            }
            bytes += p.getLength();
        }
    }

    // ---- impersonation ---------------------------------------------------------------------

    @Test
    void noNameCanPassForAMemberOrForTheServer() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        assertTrue(tcrp.create("names", "alice").ok());
        List<String> fakes = List.of("\u0430lice" /* Cyrillic а */, "ALICE", "Alice", "alice\u00a0", "alice\u3164",
                "alice\u2007", "alice\ufe0f", "al\u034fice", "\u2800\u2800", "\u3164", "\u2217server\u2217", "*server*",
                "alice: hi", "-- room closed", "[bot]", "<alice>", "ａｌｉｃｅ");
        for (String fake : fakes) {
            TcrpClient.Answer a = tcrp.join("names", fake);
            assertFalse(a.ok(), fake);
            assertTrue(Set.of(ErrorCode.NAME_TAKEN, ErrorCode.INVALID_USER_NAME).contains(a.refusal().error()), fake);
        }
        assertEquals(1, server.admin().users(Optional.of("names")).size(), "no look-alike became a member");
        assertEquals("the name 'ALICE' looks like 'alice', who is in room 'names'", tcrp.join("names", "ALICE").refusal().message());
        assertTrue(tcrp.join("names", "alice: hi").refusal().message().contains("':'"));
        // Real users of every script still get in.
        for (String real : List.of("bob", "アリス", "محمد", "Дмитрий", "a-b")) {
            assertTrue(tcrp.join("names", real).ok(), real);
        }
        assertEquals(6, server.admin().users(Optional.of("names")).size());
    }

    @Test
    void v1RecipientsGetNoControlsEscapesOrBidiOverrides() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("raw", "alice", Optional.empty(), 2).admission();
        Admission b = tcrp.join("raw", "bob").admission();
        Admission c = tcrp.join("raw", "carol", Optional.empty(), 2).admission();
        try (V2TestClient alice = new V2TestClient(server.udpPort(), "raw", a.token());
             V1TestClient bob = new V1TestClient(server.udpPort(), "raw", b.token());
             V2TestClient carol = new V2TestClient(server.udpPort(), "raw", c.token())) {
            alice.register();
            carol.register();
            bob.register();
            alice.awaitRegistered(WAIT);
            carol.awaitRegistered(WAIT);
            awaitV1Registered("raw", 1);
            String evil = "hi\n*server*: carol was kicked\r\u001b[2J\u001b]0;pwned\u0007\u202etxt\u0085\u2066!";
            alice.say(evil);
            bob.awaitChat("alice", "hi?*server*: carol was kicked??[2J?]0;pwned??txt??!", WAIT);
            // OCM clients get the text as sent: they sanitise on display.
            carol.await("alice's line", () -> carol.messages().stream().anyMatch(m -> m.text().equals(evil)), WAIT);
            alice.say("plain text stays byte-identical: é ✓");
            bob.awaitChat("alice", "plain text stays byte-identical: é ✓", WAIT);
            server.admin().say("raw", "maintenance\u001b[5m now");
            bob.awaitChat("*server*", "maintenance?[5m now", WAIT);
            server.admin().kick("raw", "bob", "bye\u001b]0;x\u0007");
            bob.awaitChat("*server*", "you were kicked: bye?]0;x?", WAIT);
            for (V1ServerMessage m : bob.seen()) {
                if (m instanceof V1ServerMessage.Chat chat) {
                    assertTrue(chat.text().codePoints().noneMatch(cp -> Character.isISOControl(cp)
                            || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)), chat.text());
                }
            }
        }
    }

    // ---- amplification ---------------------------------------------------------------------

    @Test
    void aV1RegisterFromAnotherIpThanTheTokensIsDroppedAndReflectsNothing() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("reflect", "alice").admission();
        Admission m = tcrp.join("reflect", "mallory").admission(); // over TCP from 127.0.0.1
        InetSocketAddress udp = new InetSocketAddress("127.0.0.1", server.udpPort());
        try (V1TestClient alice = new V1TestClient(server.udpPort(), "reflect", a.token());
             DatagramSocket victim = new DatagramSocket(new InetSocketAddress(VICTIM_IP, 0))) {
            alice.register();
            awaitV1Registered("reflect", 1);
            // mallory's register "from" the victim's address (a forged source, as the victim's own socket here)
            byte[] register = V1Codec.encodeClient("reflect", m.token(), "__REGISTER__");
            victim.send(new DatagramPacket(register, register.length, udp));
            awaitDrops("wrong ip", 1);
            for (int i = 0; i < 20; i++) {
                alice.sendText("room traffic " + i);
            }
            await("alice's lines relayed").atMost(WAIT).until(() -> server.admin().stats().messagesIn(), n -> n >= 20);
            sendMarker((InetSocketAddress) victim.getLocalSocketAddress());
            assertEquals(0, bytesBeforeMarker(victim), "the victim got room traffic (bytes out per byte in > 0)");
            // The real mallory, from the IP that joined, registers fine.
            try (V1TestClient real = new V1TestClient(server.udpPort(), "reflect", m.token())) {
                real.register();
                awaitV1Registered("reflect", 2);
                alice.sendText("hello mallory");
                real.awaitChat("alice", "hello mallory", WAIT);
            }
        }
    }

    @Test
    void aV2RegisterFromAnotherIpGetsNothingAndHistoryStaysHome() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("hist", "alice").admission();
        Admission m = tcrp.join("hist", "mallory", Optional.empty(), 2).admission();
        InetSocketAddress udp = new InetSocketAddress("127.0.0.1", server.udpPort());
        try (V1TestClient alice = new V1TestClient(server.udpPort(), "hist", a.token());
             DatagramSocket victim = new DatagramSocket(new InetSocketAddress(VICTIM_IP, 0))) {
            alice.register();
            awaitV1Registered("hist", 1);
            for (int i = 0; i < 50; i++) {
                alice.sendText("history line " + i + " " + "x".repeat(400));
            }
            await("history").atMost(WAIT).until(() -> server.admin().stats().messagesIn(), n -> n >= 40);
            byte[] register = V2Codec.encode(new V2Datagram("hist", m.token(), List.of(new Packet.Register(42, 0, 0))));
            victim.send(new DatagramPacket(register, register.length, udp));
            awaitDrops("wrong ip", 1);
            sendMarker((InetSocketAddress) victim.getLocalSocketAddress());
            assertEquals(0, bytesBeforeMarker(victim), "the victim got a Welcome, members or history");
            try (V2TestClient real = new V2TestClient(server.udpPort(), "hist", m.token())) {
                real.register();
                real.await("history", () -> real.messages().size() >= 40, WAIT);
            }
        }
    }

    @Test
    void aV1RegisterCannotMoveAV2Member() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("move", "alice").admission();
        Admission b = tcrp.join("move", "bob", Optional.empty(), 2).admission();
        try (V1TestClient alice = new V1TestClient(server.udpPort(), "move", a.token());
             V2TestClient bob = new V2TestClient(server.udpPort(), "move", b.token());
             V1TestClient thief = new V1TestClient(server.udpPort(), "move", b.token())) {
            alice.register();
            bob.register();
            bob.awaitRegistered(WAIT);
            awaitV1Registered("move", 1);
            thief.register();
            awaitDrops("wrong protocol", 1);
            alice.sendText("for bob");
            bob.await("alice's line", () -> bob.messages().stream().anyMatch(x -> x.text().equals("for bob")), WAIT);
            sendMarker(thief.localAddress());
            thief.await(x -> x.toString().contains("marker"), WAIT);
            assertEquals(1, thief.seen().size(), "the v1 register moved bob: " + thief.seen());
        }
    }

    @Test
    void aBundleOfPingsGetsOnePongAndABundleOfRefusedChatsNoErrorPackets() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("bundle", "alice", Optional.empty(), 2).admission();
        try (V2TestClient alice = new V2TestClient(server.udpPort(), "bundle", a.token())) {
            alice.register();
            alice.awaitRegistered(WAIT);
            alice.stopPinging();
            Packet[] pings = new Packet[300];
            for (int i = 0; i < pings.length; i++) {
                pings[i] = new Packet.Ping(1_000_000 + i);
            }
            alice.sendPackets(pings);
            alice.sendPackets(new Packet.Ping(999)); // the marker: its pong comes after any to the bundle
            alice.await("the marker pong", () -> alice.pongs().contains(999L), WAIT);
            assertEquals(1, alice.pongs().stream().filter(n -> n >= 1_000_000 && n < 1_000_300).count(),
                    "one pong per datagram, whatever it bundles: " + alice.pongs());
            // 350 empty chats bundled (what fits in one datagram): each is refused in its own Accepted
            // (no id, the reason as a code: 21 bytes each, about what the chat itself took), and no Error.
            Packet[] chats = new Packet[350];
            int seq = alice.nextChatSeq();
            for (int i = 0; i < chats.length; i++) {
                chats[i] = new Packet.Chat(seq + i, false, "");
            }
            int errorsBefore = alice.errors().size();
            alice.sendPackets(chats);
            alice.await("every chat answered", () -> refusedFrom(alice, seq, chats.length) == chats.length, WAIT);
            alice.sendPackets(new Packet.Ping(998));
            alice.await("the marker pong", () -> alice.pongs().contains(998L), WAIT);
            assertEquals(errorsBefore, alice.errors().size(), "errors: " + alice.errors());
            assertEquals(chats.length, refusedFrom(alice, seq, chats.length), "one Accepted per chat, no more");
        }
    }

    private static long refusedFrom(V2TestClient c, int firstSeq, int n) {
        return c.accepted().stream().filter(a -> a.seq() - firstSeq >= 0 && a.seq() - firstSeq < n)
                .filter(a -> a.refusal().isPresent() && a.msgId() == 0).count();
    }

    // ---- exhaustion ------------------------------------------------------------------------

    @Test
    void aRoomWhoseHostNeverRegisteredIsRemovedAfterTheGrace() throws Exception {
        FakeClock clock = new FakeClock(1_000_000_000L);
        server = new ChatServer(ServerConfig.forTests(), AbuseLimits.defaults().withHostRegisterGrace(Duration.ofSeconds(30)),
                clock).start();
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        for (int i = 0; i < 10; i++) {
            assertTrue(tcrp.create("squat" + i, "squatter").ok());
        }
        Admission real = tcrp.create("real", "alice").admission();
        try (V1TestClient alice = new V1TestClient(server.udpPort(), "real", real.token())) {
            alice.register();
            awaitV1Registered("real", 1);
            clock.advance(Duration.ofSeconds(30));
            server.admin().rooms();
            assertEquals(11, server.admin().rooms().size(), "at exactly the grace, the rooms stay");
            clock.advance(Duration.ofSeconds(1));
            await("squatter rooms removed").atMost(WAIT).until(() -> server.admin().rooms().size(), n -> n == 1);
            assertEquals("real", server.admin().rooms().get(0).name());
            assertTrue(tcrp.create("squat0", "bob").ok(), "the name is free again");
        }
    }

    // ---- files -----------------------------------------------------------------------------

    @Test
    void theDataDirIsPrivate(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        start(ServerConfig.forTests().withDataDir(Optional.of(dir)));
        assertTrue(new TcrpClient(server.tcpPort()).create("saved", "alice").ok());
        await("state file").atMost(WAIT).until(() -> Files.exists(dir.resolve("state.json")), x -> x);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        assertTrue(Files.exists(dir.resolve(".lock")));
    }
}
