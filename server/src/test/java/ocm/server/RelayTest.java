package ocm.server;

import static ocm.server.testing.Waiting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v1.V1ServerMessage;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP relay with real v1 and v2 clients on loopback. */
class RelayTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    private ChatServer server;
    private TcrpClient tcrp;

    @BeforeEach
    void start() throws Exception {
        server = new ChatServer(ServerConfig.forTests()).start();
        tcrp = new TcrpClient(server.tcpPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private V1TestClient v1(Admission a) throws Exception {
        V1TestClient c = new V1TestClient(server.udpPort(), a.room(), a.token());
        c.register();
        return c;
    }

    private V2TestClient v2(Admission a) throws Exception {
        V2TestClient c = new V2TestClient(server.udpPort(), a.room(), a.token());
        c.register();
        c.awaitRegistered(WAIT);
        return c;
    }

    /** Waits until the server has seen the v1 register (the member shows an address). */
    private void awaitV1Registered(String room, String user) {
        await(user + " registered").atMost(WAIT).until(() -> server.admin().users(java.util.Optional.of(room)).stream()
                .anyMatch(u -> u.name().equals(user) && u.protocol() == 1));
    }

    @Test
    void v1AndV2MembersSeeEachOther() throws Exception {
        Admission alice = tcrp.create("mixed", "alice").admission();
        Admission bob = tcrp.join("mixed", "bob", java.util.Optional.empty(), 2).admission();
        try (V1TestClient a = v1(alice); V2TestClient b = v2(bob)) {
            awaitV1Registered("mixed", "alice");
            a.sendText("hello from v1");
            b.await("v1 message", () -> b.messages().stream().anyMatch(m -> m.text().equals("hello from v1")
                    && m.sender().equals("alice")), WAIT);
            b.say("hello from v2");
            b.say("waves", true);
            a.awaitChat("bob", "hello from v2", WAIT);
            a.awaitChat("bob", "* bob waves", WAIT);
            b.await("accepted", () -> b.accepted().size() == 2, WAIT);
            assertTrue(b.accepted().stream().allMatch(x -> x.msgId() > 0));
            b.await("member list", () -> b.members().size() == 2, WAIT);
            Packet.Member host = b.members().get(0);
            assertEquals(new Packet.Member("alice", true, true), host);
        }
    }

    @Test
    void v1MembersRelayToEachOtherButNotToTheSender() throws Exception {
        Admission alice = tcrp.create("seed", "alice").admission();
        Admission bob = tcrp.join("seed", "bob").admission();
        try (V1TestClient a = v1(alice); V1TestClient b = v1(bob)) {
            awaitV1Registered("seed", "alice");
            awaitV1Registered("seed", "bob");
            a.sendText("hi bob");
            b.awaitChat("alice", "hi bob", WAIT);
            b.sendText("hi alice");
            a.awaitChat("bob", "hi alice", WAIT);
            assertTrue(a.seen().stream().noneMatch(m -> m instanceof V1ServerMessage.Chat c && c.text().equals("hi bob")));
        }
    }

    @Test
    void hostLeavingClosesTheRoomForEveryone() throws Exception {
        Admission alice = tcrp.create("closing", "alice", java.util.Optional.empty(), 2).admission();
        Admission bob = tcrp.join("closing", "bob").admission();
        Admission carol = tcrp.join("closing", "carol", java.util.Optional.empty(), 2).admission();
        try (V2TestClient a = v2(alice); V1TestClient b = v1(bob); V2TestClient c = v2(carol)) {
            awaitV1Registered("closing", "bob");
            a.leave();
            a.awaitEnded(WAIT);
            assertEquals(EndReason.LEFT, a.ended().reason());
            b.awaitRoomClosed(WAIT);
            c.awaitEnded(WAIT);
            assertEquals(EndReason.HOST_LEFT, c.ended().reason());
            assertTrue(tcrp.list().rooms().isEmpty());
            assertEquals(ErrorCode.NO_SUCH_ROOM, tcrp.join("closing", "dave").refusal().error());
        }
    }

    @Test
    void v1HostLeavingClosesTheRoom() throws Exception {
        Admission alice = tcrp.create("seedclose", "alice").admission();
        Admission bob = tcrp.join("seedclose", "bob").admission();
        try (V1TestClient a = v1(alice); V1TestClient b = v1(bob)) {
            awaitV1Registered("seedclose", "alice");
            awaitV1Registered("seedclose", "bob");
            a.leave();
            b.awaitRoomClosed(WAIT);
            assertTrue(tcrp.list().rooms().isEmpty());
        }
    }

    @Test
    void memberLeavingIsAnnouncedAndItsTokenEnds() throws Exception {
        Admission alice = tcrp.create("leaving", "alice", java.util.Optional.empty(), 2).admission();
        Admission bob = tcrp.join("leaving", "bob").admission();
        try (V2TestClient a = v2(alice); V1TestClient b = v1(bob)) {
            awaitV1Registered("leaving", "bob");
            b.leave();
            a.await("left event", () -> a.events().stream().anyMatch(e -> e.kind() == EventKind.LEFT && e.name().equals("bob")), WAIT);
            a.await("member list of one", () -> a.members().size() == 1, WAIT);
            // A late datagram with the revoked token is answered "room closed", never relayed.
            b.sendText("still here?");
            b.awaitRoomClosed(WAIT);
            assertTrue(a.messages().isEmpty());
        }
    }

    @Test
    void joinerGetsRecentHistory() throws Exception {
        Admission alice = tcrp.create("history", "alice", java.util.Optional.empty(), 2).admission();
        try (V2TestClient a = v2(alice)) {
            for (int i = 0; i < 5; i++) {
                a.say("line " + i);
            }
            a.await("all accepted", () -> a.accepted().size() == 5, WAIT);
            Admission bob = tcrp.join("history", "bob", java.util.Optional.empty(), 2).admission();
            try (V2TestClient b = v2(bob)) {
                b.await("history", () -> b.messages().size() == 5, WAIT);
                assertEquals(List.of("line 0", "line 1", "line 2", "line 3", "line 4"),
                        b.messages().stream().map(Packet.ChatMessage::text).collect(Collectors.toList()));
            }
        }
    }

    @Test
    void hostCanKickAndOthersCannot() throws Exception {
        Admission alice = tcrp.create("kicks", "alice", java.util.Optional.empty(), 2).admission();
        Admission bob = tcrp.join("kicks", "bob", java.util.Optional.empty(), 2).admission();
        Admission carol = tcrp.join("kicks", "carol").admission();
        try (V2TestClient a = v2(alice); V2TestClient b = v2(bob); V1TestClient c = v1(carol)) {
            awaitV1Registered("kicks", "carol");
            b.kick("carol", "no");
            b.await("not host", () -> b.errors().stream().anyMatch(e -> e.code() == ErrorCode.NOT_HOST), WAIT);
            a.kick("carol", "spamming");
            c.awaitChat("*server*", "you were kicked: spamming", WAIT);
            c.awaitRoomClosed(WAIT);
            b.await("kicked event", () -> b.events().stream().anyMatch(e -> e.kind() == EventKind.KICKED
                    && e.name().equals("carol") && e.text().equals("spamming")), WAIT);
            a.kick("bob", "bye");
            b.awaitEnded(WAIT);
            assertEquals(EndReason.KICKED, b.ended().reason());
            a.closeRoom("done");
            a.awaitEnded(WAIT);
            assertEquals(EndReason.CLOSED_BY_HOST, a.ended().reason());
        }
    }

    @Test
    void duplicateAndReplayedChatsAreNotRelayedTwice() throws Exception {
        Admission alice = tcrp.create("dups", "alice", java.util.Optional.empty(), 2).admission();
        Admission bob = tcrp.join("dups", "bob", java.util.Optional.empty(), 2).admission();
        try (V2TestClient a = v2(alice); V2TestClient b = v2(bob)) {
            a.say("once");
            b.await("first", () -> b.messages().size() == 1, WAIT);
            int seq = a.accepted().isEmpty() ? 0 : a.accepted().get(0).seq();
            a.await("accepted", () -> !a.accepted().isEmpty(), WAIT);
            seq = a.accepted().get(0).seq();
            for (int i = 0; i < 5; i++) {
                a.sendPackets(new Packet.Chat(seq, false, "once"));
            }
            a.say("twice");
            b.await("second", () -> b.messages().size() == 2, WAIT);
            assertEquals(List.of("once", "twice"), b.messages().stream().map(Packet.ChatMessage::text).collect(Collectors.toList()));
        }
    }

    @Test
    void tooLongV1MessageIsNotRelayedAndTheSenderIsTold() throws Exception {
        Admission alice = tcrp.create("long", "alice").admission();
        Admission bob = tcrp.join("long", "bob").admission();
        try (V1TestClient a = v1(alice); V1TestClient b = v1(bob)) {
            awaitV1Registered("long", "alice");
            awaitV1Registered("long", "bob");
            a.sendText("x".repeat(3700));
            a.awaitChat("*server*", "your message was not sent: it is 3700 bytes, the limit is 3600", WAIT);
            a.sendText("short");
            b.awaitChat("alice", "short", WAIT);
            assertTrue(b.seen().stream().noneMatch(m -> m instanceof V1ServerMessage.Chat c && c.text().startsWith("xxx")));
        }
    }

    @Test
    void reRegisteringMovesTheAddressAndTheOldOneIsRefused() throws Exception {
        Admission alice = tcrp.create("moving", "alice", java.util.Optional.empty(), 2).admission();
        Admission bob = tcrp.join("moving", "bob").admission();
        try (V2TestClient a = v2(alice); V1TestClient oldBob = v1(bob)) {
            awaitV1Registered("moving", "bob");
            oldBob.sendText("from the old socket");
            a.await("old", () -> a.messages().size() == 1, WAIT);
            try (V1TestClient newBob = v1(bob)) {
                // The seed client restarted (or its NAT mapping changed): its new register moves it.
                String newAddress = "127.0.0.1:" + newBob.localAddress().getPort();
                await("bob moved").atMost(WAIT).until(() -> server.admin().users(java.util.Optional.of("moving")).stream()
                        .anyMatch(u -> u.name().equals("bob") && u.address().orElse("").equals(newAddress)));
                a.say("to the new socket");
                newBob.awaitChat("alice", "to the new socket", WAIT);
                oldBob.sendText("from the old socket again");
                newBob.sendText("from the new socket");
                a.await("new", () -> a.messages().stream().anyMatch(m -> m.text().equals("from the new socket")), WAIT);
                assertTrue(a.messages().stream().noneMatch(m -> m.text().equals("from the old socket again")));
                assertTrue(server.admin().stats().dropsByReason().getOrDefault("wrong address", 0L) >= 1);
            }
            // A v2 member that registers a new session from a new socket moves too; the room hears of it.
            try (V2TestClient a2 = new V2TestClient(server.udpPort(), "moving", alice.token())) {
                a2.register();
                a2.awaitRegistered(WAIT);
                a2.say("alice from a new socket");
                a2.await("accepted", () -> a2.accepted().stream().anyMatch(x -> x.msgId() > 0), WAIT);
            }
        }
    }
}
