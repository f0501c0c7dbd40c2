package ocm.server;

import static ocm.server.testing.Waiting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.admin.AdminException;
import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import ocm.server.testing.FakeClock;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input, floods, slow clients, limits and timeouts: the server keeps serving everyone else. */
class HardeningTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    private ChatServer server;

    private ChatServer start(ServerConfig config) throws Exception {
        server = new ChatServer(config).start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private long drops(String reason) throws AdminException {
        Map<String, Long> d = server.admin().stats().dropsByReason();
        return d.getOrDefault(reason, 0L);
    }

    /** A seed-format datagram from "*test*" that says "marker", from a socket of its own. */
    private static void sendV1Marker(InetSocketAddress to) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(64);
        V1Codec.encodeServer(b, "*test*".getBytes(StandardCharsets.UTF_8), "marker".getBytes(StandardCharsets.UTF_8));
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.send(new DatagramPacket(b.array(), b.position(), to));
        }
    }

    private void awaitDrops(String reason, long atLeast) {
        await("drops for " + reason).atMost(WAIT).until(() -> drops(reason), n -> n >= atLeast);
    }

    private void awaitV1Registered(int n) {
        await("v1 members registered").atMost(WAIT)
                .until(() -> server.admin().users(Optional.empty()).stream().filter(u -> u.protocol() == 1).count(), c -> c >= n);
    }

    @Test
    void forgedTokenAndWrongSourceAddressAreDroppedAndCounted() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("guarded", "alice").admission();
        Admission b = tcrp.join("guarded", "bob").admission();
        try (V1TestClient alice = new V1TestClient(server.udpPort(), "guarded", a.token());
             V1TestClient bob = new V1TestClient(server.udpPort(), "guarded", b.token());
             V1TestClient forger = new V1TestClient(server.udpPort(), "guarded", "token_" + "0".repeat(32));
             V1TestClient thief = new V1TestClient(server.udpPort(), "guarded", a.token())) {
            alice.register();
            bob.register();
            awaitV1Registered(2);
            forger.sendText("forged");
            awaitDrops("unknown token", 1);
            thief.sendText("stolen token, wrong address");
            awaitDrops("wrong address", 1);
            alice.sendText("real");
            bob.awaitChat("alice", "real", WAIT);
            assertTrue(bob.seen().stream().noneMatch(m -> m.toString().contains("forged") || m.toString().contains("stolen")));
            // Any answer to the forger was sent before the relay handled "real": a marker sent to the
            // forger's socket now queues behind it, so once the marker is in, nothing else came.
            sendV1Marker(forger.localAddress());
            forger.await(m -> m.toString().contains("marker"), WAIT);
            assertEquals(1, forger.seen().size(), "an unregistered address must get nothing back: " + forger.seen());
        }
    }

    @Test
    void garbageDatagramsLeaveTheRelayServing() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("sturdy", "alice").admission();
        Admission b = tcrp.join("sturdy", "bob", Optional.empty(), 2).admission();
        Random random = new Random(7);
        try (DatagramSocket junk = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             V1TestClient alice = new V1TestClient(server.udpPort(), "sturdy", a.token());
             V2TestClient bob = new V2TestClient(server.udpPort(), "sturdy", b.token())) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.udpPort());
            List<byte[]> cases = new ArrayList<>();
            cases.add(new byte[0]);
            cases.add(new byte[] {0});
            cases.add(new byte[] {0, 2, 0, (byte) 200, 5});
            cases.add(new byte[] {(byte) 255, (byte) 255, 1, 2, 3});
            cases.add(new byte[] {0, 2, 0, 6, 0, 's', 't', 'u', 'r', 'd', 'y', 1, (byte) 0xff, (byte) 0xff});
            cases.add(new byte[] {0, 9, 0, 1, 0, 'x', 4, 0, 8});
            for (int i = 0; i < 300; i++) {
                byte[] r = new byte[random.nextInt(200)];
                random.nextBytes(r);
                cases.add(r);
            }
            for (byte[] c : cases) {
                junk.send(new DatagramPacket(c, c.length, to));
            }
            // Datagrams with invalid UTF-8 in a v1 header, and one with a valid header but junk token.
            byte[] bad = V1Codec.encodeClient("sturdy", "x", "hi");
            bad[2] = (byte) 0xC3;
            junk.send(new DatagramPacket(bad, bad.length, to));
            awaitDrops("garbage", 50);
            alice.register();
            bob.register();
            bob.awaitRegistered(WAIT);
            awaitV1Registered(1);
            alice.sendText("still working");
            bob.await("message", () -> bob.messages().stream().anyMatch(m -> m.text().equals("still working")), WAIT);
            // Nothing is sent to an address that never registered: any answer to the garbage was sent
            // before "still working" was relayed, so the first datagram junk gets must be this marker.
            sendV1Marker((InetSocketAddress) junk.getLocalSocketAddress());
            junk.setSoTimeout((int) WAIT.toMillis());
            DatagramPacket first = new DatagramPacket(new byte[100], 100);
            junk.receive(first);
            assertTrue(new String(first.getData(), 0, first.getLength(), StandardCharsets.UTF_8).endsWith("marker"),
                    "garbage was answered");
        }
    }

    @Test
    void garbageAndAbsurdTcrpHeadersLeaveTheServiceServing() throws Exception {
        start(ServerConfig.forTests());
        byte[] absurd = new byte[32];
        absurd[0] = 5;
        absurd[1] = 1;
        absurd[3] = 0x7f; // a payload size near 2^230
        byte[] huge = new byte[32];
        huge[0] = 5;
        huge[1] = 1;
        huge[28] = 0x7f; // 2 GB
        byte[] badOp = new byte[32];
        badOp[0] = 1;
        badOp[1] = 9;
        Map<byte[], String> expected = new java.util.LinkedHashMap<>();
        expected.put(absurd, "TCRP payload size is over 2^32 bytes, the limit is " + ocm.protocol.Limits.MAX_TCRP_PAYLOAD);
        expected.put(huge, "TCRP payload is 2130706432 bytes, the limit is " + ocm.protocol.Limits.MAX_TCRP_PAYLOAD);
        expected.put(badOp, "unknown TCRP operation 9 (known: 1 create, 2 join, 3 list)");
        expected.put("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(), "unknown TCRP operation 69 (known: 1 create, 2 join, 3 list)");
        for (Map.Entry<byte[], String> bad : expected.entrySet()) {
            // More bytes follow the header, as a confused client would send: the refusal must still arrive whole.
            byte[] sent = java.util.Arrays.copyOf(bad.getKey(), bad.getKey().length + 64);
            TcrpClient.Answer answer = new TcrpClient(server.tcpPort()).exchange(sent);
            assertEquals(ErrorCode.BAD_REQUEST, answer.compliance().error().orElseThrow(), bad.getValue());
            assertEquals(bad.getValue(), answer.compliance().message());
            assertEquals(ErrorCode.BAD_REQUEST, answer.refusal().error());
            assertEquals(bad.getValue(), answer.refusal().message());
        }
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        // A well-framed request whose JSON is nonsense gets a clear refusal.
        byte[] nonsense = ocm.protocol.tcrp.TcrpCodec.encode(new ocm.protocol.tcrp.TcrpFrame(
                ocm.protocol.tcrp.Operation.CREATE_ROOM, ocm.protocol.tcrp.State.REQUEST, "room", "[[[".getBytes()));
        TcrpClient.Answer answer = tcrp.exchange(nonsense);
        assertEquals(ErrorCode.BAD_REQUEST, answer.compliance().error().orElseThrow());
        assertEquals(ErrorCode.BAD_REQUEST, answer.refusal().error());
        assertEquals("request payload must be a JSON string (the user name) or object, not begin array", answer.refusal().message());
        byte[] broken = ocm.protocol.tcrp.TcrpCodec.encode(new ocm.protocol.tcrp.TcrpFrame(
                ocm.protocol.tcrp.Operation.JOIN_ROOM, ocm.protocol.tcrp.State.REQUEST, "room", "{\"username\": al".getBytes()));
        assertEquals("request payload is not valid JSON (near character 14)", tcrp.exchange(broken).refusal().message());
        assertTrue(tcrp.create("after", "alice").ok());
    }

    private static int readAll(InputStream in) throws Exception {
        byte[] buf = new byte[1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            // drain whatever came before the close
        }
        return n;
    }

    @Test
    void slowTcpClientDoesNotBlockAnother() throws Exception {
        start(ServerConfig.forTests().withTcpRequestDeadline(Duration.ofSeconds(3)));
        try (Socket slow = new Socket("127.0.0.1", server.tcpPort())) {
            OutputStream out = slow.getOutputStream();
            out.write(new byte[] {5, 1}); // two bytes of a header, then silence
            out.flush();
            assertTrue(new TcrpClient(server.tcpPort()).create("quick", "alice").ok());
            slow.setSoTimeout(10_000);
            assertEquals(-1, readAll(slow.getInputStream()), "the slow connection is closed at its deadline");
        }
    }

    @Test
    void manyIdleConnectionsDoNotBlockAJoin() throws Exception {
        start(ServerConfig.forTests().withLimits(100, 100, 256, 64));
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                idle.add(new Socket("127.0.0.1", server.tcpPort()));
            }
            assertTrue(new TcrpClient(server.tcpPort()).create("busy", "alice").ok());
            assertTrue(new TcrpClient(server.tcpPort()).join("busy", "bob").ok());
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void rateLimitDropsExcessAndTellsV2Senders() throws Exception {
        start(ServerConfig.forTests().withRate(1, 3));
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("slowroom", "alice", Optional.empty(), 2).admission();
        Admission b = tcrp.join("slowroom", "bob").admission();
        try (V2TestClient alice = new V2TestClient(server.udpPort(), "slowroom", a.token());
             V1TestClient bob = new V1TestClient(server.udpPort(), "slowroom", b.token())) {
            alice.register();
            alice.awaitRegistered(WAIT);
            bob.register();
            awaitV1Registered(1);
            for (int i = 0; i < 10; i++) {
                alice.say("burst " + i);
            }
            alice.await("all answered", () -> alice.accepted().size() == 10, WAIT);
            long refused = alice.accepted().stream().filter(x -> x.msgId() == 0).count();
            assertTrue(refused >= 5, "at most the burst (plus what refilled) is accepted, refused " + refused);
            assertTrue(alice.accepted().stream().filter(x -> x.msgId() == 0)
                    .allMatch(x -> x.refusal().equals(Optional.of(ErrorCode.RATE_LIMITED))), "each refusal says why");
            awaitDrops("rate limited", refused);
            for (int i = 0; i < 10; i++) {
                bob.sendText("v1 burst " + i);
            }
            awaitDrops("rate limited", refused + 5);
        }
    }

    @Test
    void silentMembersAreRemovedAndASilentHostClosesTheRoom() throws Exception {
        // The server's clock is the test's: silence is made by moving it, not by waiting.
        FakeClock clock = new FakeClock(1_000_000_000L);
        server = new ChatServer(ServerConfig.forTests().withIdleTimeouts(Duration.ofMillis(600), Duration.ofSeconds(10)),
                AbuseLimits.defaults(), clock).start();
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("idle", "alice", Optional.empty(), 2).admission();
        Admission b = tcrp.join("idle", "bob").admission();
        Admission c = tcrp.join("idle", "carol", Optional.empty(), 2).admission();
        try (V2TestClient alice = new V2TestClient(server.udpPort(), "idle", a.token());
             V1TestClient bob = new V1TestClient(server.udpPort(), "idle", b.token());
             V2TestClient carol = new V2TestClient(server.udpPort(), "idle", c.token())) {
            alice.register();
            carol.register();
            bob.register();
            alice.awaitRegistered(WAIT);
            alice.stopPinging(); // she is heard only when she speaks
            carol.awaitRegistered(WAIT);
            awaitV1Registered(1);
            // bob (v1) never speaks again: past the v1 timeout he is removed, told, and the room hears of it.
            clock.advance(Duration.ofMillis(601));
            bob.awaitChat("*server*", "you timed out: no activity for 0.6 s", WAIT);
            bob.awaitRoomClosed(WAIT);
            alice.await("bob timed out", () -> alice.events().stream().anyMatch(e -> e.kind() == EventKind.TIMED_OUT
                    && e.name().equals("bob")), WAIT);
            // alice (host, v2) spoke at the new time; at exactly her timeout after it she stays...
            alice.say("still here");
            alice.await("accepted", () -> alice.accepted().size() == 1 && alice.unacked() == 0, WAIT);
            carol.await("alice's line", () -> carol.messages().size() == 1, WAIT);
            clock.advance(Duration.ofSeconds(10));
            // The relay turn that runs the first call reads the new time and sweeps after its tasks,
            // so the second call sees what that sweep left.
            server.admin().users(Optional.of("idle"));
            assertTrue(server.admin().users(Optional.of("idle")).stream().anyMatch(u -> u.name().equals("alice")),
                    "silent for exactly the timeout, alice stays");
            // ...and past it, at the next sweep (one sweep interval on), the room closes.
            clock.advance(ServerConfig.forTests().sweepInterval());
            carol.awaitEnded(WAIT);
            assertEquals(EndReason.HOST_TIMED_OUT, carol.ended().reason());
            alice.awaitEnded(WAIT);
            assertEquals(EndReason.TIMED_OUT, alice.ended().reason());
            assertTrue(tcrp.list().rooms().isEmpty());
        }
    }

    @Test
    void replayedRegisterOfTheCurrentSessionChangesNothing() throws Exception {
        start(ServerConfig.forTests());
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("replay", "alice", Optional.empty(), 2).admission();
        Admission b = tcrp.join("replay", "bob", Optional.empty(), 2).admission();
        try (V2TestClient alice = new V2TestClient(server.udpPort(), "replay", a.token());
             V2TestClient bob = new V2TestClient(server.udpPort(), "replay", b.token())) {
            alice.register();
            bob.register();
            alice.awaitRegistered(WAIT);
            bob.awaitRegistered(WAIT);
            alice.say("one");
            bob.await("one", () -> bob.messages().size() == 1, WAIT);
            // An old Register datagram replayed by anyone: same session, so nothing changes.
            bob.sendPackets(new Packet.Register(bob.session(), 0, 0));
            alice.say("two");
            bob.await("two", () -> bob.messages().size() == 2, WAIT);
            assertEquals(0, bob.staleDeliveries());
        }
    }

    @Test
    void aMemberThatNeverAcksIsRemovedWhenRoomEventsOverflowItsBacklog() throws Exception {
        start(ServerConfig.forTests().withMaxBacklog(16));
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("busy", "alice", Optional.empty(), 2).admission();
        Admission b = tcrp.join("busy", "bob", Optional.empty(), 2).admission();
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.udpPort());
        try (V2TestClient alice = new V2TestClient(server.udpPort(), "busy", a.token());
             DatagramSocket bob = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            alice.register();
            alice.awaitRegistered(WAIT);
            byte[] register = ocm.protocol.ucrp.v2.V2Codec.encode(ocm.protocol.ucrp.v2.V2Datagram.of("busy", b.token(),
                    new Packet.Register(1, 0, 0)));
            bob.send(new DatagramPacket(register, register.length, to));
            awaitMember("busy", "bob", true);
            // No chat at all: only joins and kicks, each an event and a member list for bob, who never acks.
            // 128 in flight + 16 waiting is what bob can hold; 100 comings and goings are 400 items.
            for (int i = 0; i < 100 && server.admin().users(Optional.of("busy")).stream().anyMatch(u -> u.name().equals("bob")); i++) {
                String guest = "guest" + i;
                assertTrue(tcrp.join("busy", guest).ok());
                server.admin().kick("busy", guest, "");
                // alice acks as she goes; waiting for her keeps her own backlog short, so only bob falls behind.
                alice.await(guest + " kicked", () -> alice.events().stream().anyMatch(e ->
                        e.kind() == EventKind.KICKED && e.name().equals(guest)), WAIT);
            }
            alice.await("bob removed as too far behind", () -> alice.events().stream().anyMatch(e ->
                    e.kind() == EventKind.TIMED_OUT && e.name().equals("bob") && e.text().equals("too far behind (backlog full)")),
                    WAIT);
            awaitMember("busy", "bob", false);
            assertTrue(drops("backlog full") > 0);
            assertEquals(java.util.List.of("alice"), server.admin().users(Optional.of("busy")).stream()
                    .map(ocm.server.admin.UserView::name).toList());
        }
    }

    @Test
    void aRegisterGetsTheNewestHistoryThatFitsItsBacklogAndStays() throws Exception {
        start(ServerConfig.forTests().withRate(100_000, 100_000).withMaxBacklog(16));
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("long", "alice", Optional.empty(), 2).admission();
        try (V2TestClient alice = new V2TestClient(server.udpPort(), "long", a.token())) {
            alice.register();
            alice.awaitRegistered(WAIT);
            for (int i = 1; i <= 50; i++) {
                alice.say("m" + i);
            }
            await("50 relayed").atMost(WAIT).until(() -> server.admin().rooms().get(0).messagesRelayed() == 50);
            Admission b = tcrp.join("long", "bob", Optional.empty(), 2).admission();
            try (V2TestClient bob = new V2TestClient(server.udpPort(), "long", b.token())) {
                bob.register();
                bob.awaitRegistered(WAIT);
                // The member list plus 15 messages fill a fresh backlog of 16: the newest 15, in order.
                bob.await("history", () -> bob.messages().size() == 15, WAIT);
                assertEquals("m36", bob.messages().get(0).text());
                assertEquals("m50", bob.messages().get(14).text());
                alice.say("after");
                bob.await("a live message after the catch-up", () -> bob.messages().size() == 16, WAIT);
                awaitMember("long", "bob", true);
            }
        }
    }

    private void awaitMember(String room, String name, boolean present) {
        await(name + (present ? " registered" : " removed")).atMost(WAIT).until(() -> server.admin().users(Optional.of(room))
                .stream().anyMatch(u -> u.name().equals(name) && u.address().isPresent()) == present);
    }

    @Test
    void aMemberThatNeverAcksIsRemovedAndCannotGrowItsBacklog() throws Exception {
        start(ServerConfig.forTests().withRate(100_000, 100_000).withMaxBacklog(16));
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("deaf", "alice", Optional.empty(), 2).admission();
        Admission b = tcrp.join("deaf", "bob", Optional.empty(), 2).admission();
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.udpPort());
        try (V2TestClient alice = new V2TestClient(server.udpPort(), "deaf", a.token());
             DatagramSocket bob = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            alice.register();
            alice.awaitRegistered(WAIT);
            byte[] register = ocm.protocol.ucrp.v2.V2Codec.encode(ocm.protocol.ucrp.v2.V2Datagram.of("deaf", b.token(),
                    new Packet.Register(1, 0, 0)));
            bob.send(new DatagramPacket(register, register.length, to));
            bob.setSoTimeout(200);
            // bob registers, then never acknowledges anything while alice talks a lot.
            for (int i = 0; i < 400; i++) {
                alice.say("flood " + i);
            }
            alice.await("bob removed", () -> alice.events().stream().anyMatch(e -> e.kind() == EventKind.TIMED_OUT
                    && e.name().equals("bob")), Duration.ofSeconds(20));
            assertTrue(drops("backlog full") > 0);
            // bob's socket eventually sees Ended(TIMED_OUT) among the deliveries it never acked.
            long end = System.currentTimeMillis() + WAIT.toMillis();
            boolean ended = false;
            byte[] buf = new byte[8192];
            while (!ended && System.currentTimeMillis() < end) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    bob.receive(p);
                } catch (SocketTimeoutException e) {
                    bob.send(new DatagramPacket(register, register.length, to)); // anything with the revoked token
                    continue;
                }
                for (Packet pk : ocm.protocol.ucrp.v2.V2Codec.decode(java.nio.ByteBuffer.wrap(buf, 0, p.getLength()).slice()).packets()) {
                    ended |= pk instanceof Packet.Ended e && e.reason() == EndReason.TIMED_OUT;
                }
            }
            assertTrue(ended, "bob was never told it timed out");
        }
    }
}
