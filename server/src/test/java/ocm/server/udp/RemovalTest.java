package ocm.server.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import ocm.protocol.reliable.SendWindow;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.config.ServerConfig;
import ocm.server.room.Member;
import ocm.server.room.Removals;
import ocm.server.stats.DropReason;
import ocm.server.testing.DeafV2Member;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.Test;

/**
 * The relay removes members on its own account (a window that gives up, a backlog that overflows)
 * and tells them and the room why; removing the host that way closes the room.
 */
class RemovalTest {
    private static final Duration WAIT = RelayRig.WAIT;
    /** Far enough ahead that every delivery in flight has been tried too long. */
    private static final long PAST_GIVING_UP = SendWindow.DEFAULT_GIVE_UP_MILLIS + 1000;

    private static boolean inFlight(Member m) {
        return m != null && m.stream() != null && m.stream().window().outstanding() > 0;
    }

    private static boolean allAcked(Member m) {
        return m != null && m.stream() != null && m.stream().window().outstanding() == 0 && m.stream().backlog().isEmpty();
    }

    @Test
    void aMemberThatStopsAcknowledgingIsRemovedWhenItsWindowGivesUp() throws Exception {
        try (RelayRig rig = new RelayRig(ServerConfig.forTests())) {
            String a = rig.create("quiet", "alice");
            String b = rig.join("quiet", "bob");
            try (V2TestClient alice = new V2TestClient(rig.port(), "quiet", a);
                 DeafV2Member bob = new DeafV2Member(rig.port(), "quiet", b)) {
                alice.register();
                bob.send(new Packet.Register(1, 0, 0));
                rig.pumpUntil("both registered", () -> alice.registered() && rig.member(b).stream() != null);
                alice.say("are you there?");
                rig.pumpUntil("the chat in flight to bob, alice all caught up",
                        () -> inFlight(rig.member(b)) && alice.accepted().size() == 1 && allAcked(rig.member(a)));

                rig.relay.retransmit(System.currentTimeMillis() + PAST_GIVING_UP);

                assertNull(rig.member(b), "bob is removed");
                Packet.Ended ended = bob.awaitPacket(Packet.Ended.class, e -> true, WAIT);
                assertEquals(EndReason.TIMED_OUT, ended.reason());
                assertEquals(Removals.STOPPED_ACKING, ended.message());
                rig.pumpUntil("alice hears why", () -> alice.events().stream().anyMatch(e -> e.kind() == EventKind.TIMED_OUT
                        && e.name().equals("bob") && e.text().equals(Removals.STOPPED_ACKING)));
                rig.pumpUntil("alice's member list without bob", () -> alice.members().size() == 1);
                assertNull(alice.ended());
                assertEquals(1, rig.registry.rooms().size());
            }
        }
    }

    @Test
    void aHostThatStopsAcknowledgingClosesTheRoom() throws Exception {
        try (RelayRig rig = new RelayRig(ServerConfig.forTests())) {
            String a = rig.create("quiet", "alice");
            String b = rig.join("quiet", "bob");
            try (DeafV2Member alice = new DeafV2Member(rig.port(), "quiet", a);
                 V2TestClient bob = new V2TestClient(rig.port(), "quiet", b)) {
                alice.send(new Packet.Register(1, 0, 0));
                bob.register();
                rig.pumpUntil("both registered", () -> bob.registered() && rig.member(a).stream() != null);
                bob.say("hello?");
                rig.pumpUntil("the chat in flight to alice, bob all caught up",
                        () -> inFlight(rig.member(a)) && bob.accepted().size() == 1 && allAcked(rig.member(b)));

                rig.relay.retransmit(System.currentTimeMillis() + PAST_GIVING_UP);

                assertTrue(rig.registry.rooms().isEmpty(), "the room is closed");
                assertNull(rig.member(b));
                Packet.Ended toHost = alice.awaitPacket(Packet.Ended.class, e -> true, WAIT);
                assertEquals(EndReason.TIMED_OUT, toHost.reason());
                assertEquals(Removals.STOPPED_ACKING, toHost.message());
                bob.awaitEnded(WAIT);
                assertEquals(EndReason.HOST_TIMED_OUT, bob.ended().reason());
                assertEquals(Removals.STOPPED_ACKING, bob.ended().message());
            }
        }
    }

    @Test
    void aHostWhoseBacklogOverflowsWithChatsClosesTheRoom() throws Exception {
        try (RelayRig rig = new RelayRig(ServerConfig.forTests().withMaxBacklog(4))) {
            String a = rig.create("flood", "alice");
            String b = rig.join("flood", "bob");
            try (DeafV2Member alice = new DeafV2Member(rig.port(), "flood", a);
                 V2TestClient bob = new V2TestClient(rig.port(), "flood", b)) {
                alice.send(new Packet.Register(1, 0, 0));
                bob.register();
                rig.pumpUntil("both registered", () -> bob.registered() && rig.member(a).stream() != null);
                // alice holds 128 in flight and 4 waiting (the member list among them); the chats overflow that.
                for (int i = 0; i < 140; i++) {
                    bob.say("flood " + i);
                }
                rig.pumpUntil("bob told the room closed", () -> bob.ended() != null);

                assertEquals(EndReason.HOST_TIMED_OUT, bob.ended().reason());
                assertEquals(Removals.TOO_FAR_BEHIND, bob.ended().message());
                assertTrue(rig.registry.rooms().isEmpty(), "the room is closed");
                assertTrue(rig.counters.drops(DropReason.BACKLOG_FULL) > 0);
                Packet.Ended toHost = alice.awaitPacket(Packet.Ended.class, e -> true, WAIT);
                assertEquals(EndReason.TIMED_OUT, toHost.reason());
                assertEquals(Removals.TOO_FAR_BEHIND, toHost.message());
            }
        }
    }

    @Test
    void historyThatNoLongerFitsTheBacklogRemovesTheMemberAtOnce() throws Exception {
        try (RelayRig rig = new RelayRig(ServerConfig.forTests().withMaxBacklog(16))) {
            String a = rig.create("moving", "alice");
            String b = rig.join("moving", "bob");
            try (V2TestClient alice = new V2TestClient(rig.port(), "moving", a);
                 DeafV2Member bobHere = new DeafV2Member(rig.port(), "moving", b);
                 DeafV2Member bobThere = new DeafV2Member(rig.port(), "moving", b)) {
                alice.register();
                rig.pumpUntil("alice registered", alice::registered);
                for (int i = 1; i <= 20; i++) {
                    alice.say("m" + i);
                }
                rig.pumpUntil("20 messages in history", () -> alice.accepted().size() == 20);
                bobHere.send(new Packet.Register(1, 0, 0));
                rig.pumpUntil("bob registered", () -> rig.member(b).stream() != null);
                // bob moves: the new address gets its history only once an Ack shows it saw the Welcome.
                bobThere.send(new Packet.Register(2, 0, 0));
                rig.pumpUntil("bob's new session", () -> rig.member(b).stream().session() == 2);
                Packet.Welcome welcome = bobThere.awaitPacket(Packet.Welcome.class, w -> w.session() == 2, WAIT);
                // Meanwhile the room goes on: the member list and 127 chats fill bob's window, 5 wait in his backlog.
                // A few at a time: the backlog moves into the window only when the relay flushes.
                for (int i = 1; i <= 132; i++) {
                    alice.say("live " + i);
                    if (i % 4 == 0 || i == 132) {
                        int sent = 20 + i;
                        rig.pumpUntil(sent + " accepted", () -> alice.accepted().size() == sent);
                    }
                }
                assertEquals(5, rig.member(b).stream().backlog().size());

                // The proof arrives; 15 messages of history do not fit the 11 free places.
                bobThere.send(new Packet.Ack(welcome.firstDseq() - 1, 0));
                rig.pump();

                assertNull(rig.member(b), "bob is removed");
                Packet.Ended ended = bobThere.awaitPacket(Packet.Ended.class, e -> true, WAIT);
                assertEquals(EndReason.TIMED_OUT, ended.reason());
                assertEquals(Removals.TOO_FAR_BEHIND, ended.message());
                rig.pumpUntil("alice hears why", () -> alice.events().stream().anyMatch(e -> e.kind() == EventKind.TIMED_OUT
                        && e.name().equals("bob") && e.text().equals(Removals.TOO_FAR_BEHIND)));
                assertFalse(rig.registry.rooms().isEmpty(), "the room stays open for alice");
                assertNull(alice.ended());
            }
        }
    }
}
