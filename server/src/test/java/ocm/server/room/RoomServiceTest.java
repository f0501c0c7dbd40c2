package ocm.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ocm.protocol.ErrorCode;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.stats.Counters;
import ocm.server.store.Snapshots;
import ocm.server.store.StateSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of rooms without sockets, threads or a wall clock: the room service with recording
 * links, and the time a test passes in (its fake clock).
 */
class RoomServiceTest {
    private static final Duration V1_IDLE = Duration.ofMinutes(30);
    private static final Duration V2_IDLE = Duration.ofSeconds(60);

    private final RecordingLink.Encoder encoder = new RecordingLink.Encoder();
    private RoomRegistry registry;
    private RoomService rooms;
    /** The fake clock: every call is given this time; tests move it. */
    private long now = 1_000_000;

    @BeforeEach
    void service() {
        registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 100, 1000, 1000), new Tokens());
        rooms = new RoomService(registry, new Counters(), V1_IDLE, V2_IDLE);
    }

    /** A member that has registered (protocol 2) and is reached through a recording link. */
    private RecordingLink enter(String room, String user) throws RoomException {
        if (registry.room(room).isEmpty()) {
            rooms.create(room, user, Optional.empty(), 2, "10.0.0." + user.length(), now);
        } else {
            rooms.join(room, user, Optional.empty(), 2, "10.0.0." + user.length(), now);
        }
        Member m = member(room, user);
        m.protocol(2);
        RecordingLink link = new RecordingLink(encoder);
        m.link(link);
        return link;
    }

    private Member member(String room, String user) {
        return registry.room(room).orElseThrow().member(user).orElseThrow();
    }

    @Test
    void aHostLeavingClosesTheRoomAndTellsEveryLinkExactlyOnce() throws Exception {
        RecordingLink alice = enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");
        RecordingLink carol = enter("lobby", "carol");
        bob.got.clear();
        carol.got.clear();

        Member host = member("lobby", "alice");
        rooms.end(host, EndReason.LEFT, "", now);

        assertEquals(List.of("ended LEFT", "unlinked"), alice.got.subList(alice.got.size() - 2, alice.got.size()));
        assertEquals(List.of("ended HOST_LEFT", "unlinked"), bob.got);
        assertEquals(List.of("ended HOST_LEFT", "unlinked"), carol.got);
        assertEquals(1, alice.count("ended"));
        assertTrue(registry.room("lobby").isEmpty(), "the room is gone");
        assertEquals(0, registry.memberCount());
        // Ending a membership that is over already tells no one again.
        rooms.end(host, EndReason.LEFT, "", now);
        assertEquals(1, alice.count("ended"));
        assertEquals(2, bob.got.size());
    }

    @Test
    void aMemberLeavingIsAnnouncedToTheOthersWithTheNewMemberList() throws Exception {
        enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");
        RecordingLink alice = (RecordingLink) member("lobby", "alice").link();
        alice.got.clear();

        rooms.end(member("lobby", "bob"), EndReason.LEFT, "", now);

        assertEquals(List.of("ended LEFT", "unlinked"), bob.got);
        assertEquals(List.of("event LEFT bob", "members alice"), alice.got);
    }

    @Test
    void anIdleMemberIsRemovedJustAfterItsTimeoutNotBeforeOrAt() throws Exception {
        RecordingLink alice = enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");
        member("lobby", "alice").heard(now + V2_IDLE.toMillis()); // alice keeps talking
        long heard = now;
        member("lobby", "bob").heard(heard);
        alice.got.clear();

        rooms.sweep(heard + V2_IDLE.toMillis() - 1);
        assertTrue(registry.room("lobby").orElseThrow().member("bob").isPresent(), "before the timeout bob stays");
        rooms.sweep(heard + V2_IDLE.toMillis());
        assertTrue(registry.room("lobby").orElseThrow().member("bob").isPresent(), "at exactly the timeout bob stays");
        assertEquals(List.of(), bob.got);

        rooms.sweep(heard + V2_IDLE.toMillis() + 1);
        assertFalse(registry.room("lobby").orElseThrow().member("bob").isPresent(), "past the timeout bob is removed");
        assertEquals(List.of("ended TIMED_OUT: no activity for 60 s", "unlinked"), bob.got);
        assertEquals(List.of("event TIMED_OUT bob: no activity for 60 s", "members alice"), alice.got);
    }

    @Test
    void aSeedMemberHasItsOwnLongerIdleTimeout() throws Exception {
        enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");
        Member b = member("lobby", "bob");
        b.protocol(1);
        member("lobby", "alice").heard(now + V1_IDLE.toMillis() + 1);
        rooms.sweep(now + V2_IDLE.toMillis() + 1);
        assertTrue(registry.room("lobby").orElseThrow().member("bob").isPresent());
        rooms.sweep(now + V1_IDLE.toMillis() + 1);
        assertEquals(List.of("ended TIMED_OUT: no activity for 1800 s", "unlinked"), bob.got);
    }

    @Test
    void kickTellsTheMemberWhyAndTheRoom() throws Exception {
        RecordingLink alice = enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");
        alice.got.clear();

        rooms.kick("lobby", "bob", "spam", now);

        assertEquals(List.of("ended KICKED: spam", "unlinked"), bob.got);
        assertEquals(List.of("event KICKED bob: spam", "members alice"), alice.got);
        // A kicked member may come back (a ban is what keeps it out).
        rooms.join("lobby", "bob", Optional.empty(), 2, "10.0.0.3", now);
    }

    @Test
    void aHostKickIsRefusedForNonHostsAndChangesNothing() throws Exception {
        enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");
        RecordingLink carol = enter("lobby", "carol");
        bob.got.clear();
        carol.got.clear();

        RoomException e = assertThrows(RoomException.class,
                () -> rooms.kickByHost(member("lobby", "bob"), "carol", "", now));
        assertEquals(ErrorCode.NOT_HOST, e.code());
        assertEquals(List.of(), carol.got);
        assertEquals(List.of(), bob.got);

        rooms.kickByHost(member("lobby", "alice"), "carol", "bye", now);
        assertEquals(List.of("ended KICKED: bye", "unlinked"), carol.got);
    }

    @Test
    void aBanRemovesTheMemberAndRefusesItsNameAndAddressAfterwards() throws Exception {
        enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");

        assertTrue(rooms.ban("lobby", "bob", "abuse", now));

        assertEquals(List.of("ended BANNED: abuse", "unlinked"), bob.got);
        RoomException byName = assertThrows(RoomException.class,
                () -> rooms.join("lobby", "bob", Optional.empty(), 2, "10.9.9.9", now));
        assertEquals(ErrorCode.BANNED, byName.code());
        RoomException byAddress = assertThrows(RoomException.class,
                () -> rooms.join("lobby", "robert", Optional.empty(), 2, "10.0.0.3", now));
        assertEquals(ErrorCode.BANNED, byAddress.code());

        rooms.unban("lobby", "bob");
        rooms.join("lobby", "bob", Optional.empty(), 2, "10.9.9.9", now);
    }

    @Test
    void kickingTheHostClosesTheRoomForEveryone() throws Exception {
        RecordingLink alice = enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");
        bob.got.clear();

        rooms.kick("lobby", "alice", "", now);

        assertEquals(1, alice.count("ended CLOSED_BY_ADMIN"));
        assertEquals(List.of("ended CLOSED_BY_ADMIN: the host was kicked", "unlinked"), bob.got);
        assertTrue(registry.room("lobby").isEmpty());
    }

    @Test
    void aJoinerGetsTheMemberListThenTheHistoryAfterSince() throws Exception {
        RecordingLink alice = enter("lobby", "alice");
        Member a = member("lobby", "alice");
        rooms.chat(a, false, "one", ChatRecord.NO_SEQ, now);
        rooms.chat(a, false, "two", ChatRecord.NO_SEQ, now);
        rooms.chat(a, false, "three", ChatRecord.NO_SEQ, now);
        RecordingLink bob = enter("lobby", "bob");
        bob.got.clear();

        assertTrue(rooms.catchUp(member("lobby", "bob"), 0, 100, now));
        assertEquals(List.of("members alice,bob", "chat 1 alice: one", "chat 2 alice: two", "chat 3 alice: three"), bob.got);

        bob.got.clear();
        assertTrue(rooms.catchUp(member("lobby", "bob"), 2, 100, now));
        assertEquals(List.of("members alice,bob", "chat 3 alice: three"), bob.got);

        bob.got.clear();
        assertTrue(rooms.sendHistory(member("lobby", "bob"), 0, 2, now), "at most max, the newest");
        assertEquals(List.of("chat 2 alice: two", "chat 3 alice: three"), bob.got);
        assertEquals(0, alice.count("chat"), "the sender never gets its own chat");
    }

    @Test
    void aChatIsEncodedOncePerKindOfLinkHoweverManyRecipients() throws Exception {
        enter("lobby", "alice");
        for (String name : List.of("bob", "carol", "dave", "erin")) {
            enter("lobby", name);
        }
        int before = encoder.made;

        rooms.chat(member("lobby", "alice"), false, "hello all", ChatRecord.NO_SEQ, now);

        assertEquals(1, encoder.made - before, "one encoding for four recipients");
        for (String name : List.of("bob", "carol", "dave", "erin")) {
            assertEquals(1, ((RecordingLink) member("lobby", name).link()).count("chat 1 alice: hello all"));
        }
    }

    @Test
    void aMemberThatCannotTakeAChatIsRemovedOnceTheFanOutIsDone() throws Exception {
        RecordingLink alice = enter("lobby", "alice");
        RecordingLink bob = enter("lobby", "bob");
        RecordingLink carol = enter("lobby", "carol");
        bob.accepting = false;
        bob.got.clear();
        alice.got.clear();
        carol.got.clear();

        rooms.chat(member("lobby", "alice"), false, "hi", ChatRecord.NO_SEQ, now);
        assertTrue(registry.room("lobby").orElseThrow().member("bob").isPresent(), "not during the fan-out");
        assertEquals(List.of("chat 1 alice: hi"), carol.got, "the others get the chat");

        rooms.settle(now);
        assertFalse(registry.room("lobby").orElseThrow().member("bob").isPresent());
        assertEquals(List.of("ended TIMED_OUT: " + Removals.TOO_FAR_BEHIND, "unlinked"), bob.got);
        assertEquals(List.of("chat 1 alice: hi", "event TIMED_OUT bob: " + Removals.TOO_FAR_BEHIND, "members alice,carol"),
                carol.got);
    }

    @Test
    void messageIdsKeepRisingAcrossARestart() throws Exception {
        enter("lobby", "alice");
        Member a = member("lobby", "alice");
        int last = 0;
        for (int i = 0; i < 5; i++) {
            last = rooms.chat(a, false, "m" + i, ChatRecord.NO_SEQ, now).msgId();
        }
        StateSnapshot saved = Snapshots.of(registry, now);

        RoomRegistry restarted = new RoomRegistry(new RoomRegistry.Limits(10, 10, 100, 1000, 1000), new Tokens());
        Snapshots.restore(restarted, saved, now + 1000);
        RoomService after = new RoomService(restarted, new Counters(), V1_IDLE, V2_IDLE);
        Member back = restarted.room("lobby").orElseThrow().member("alice").orElseThrow();
        int next = after.chat(back, false, "after the restart", ChatRecord.NO_SEQ, now + 1000).msgId();

        assertTrue(next > last, "id " + next + " after " + last);
        List<ChatRecord> history = restarted.room("lobby").orElseThrow().history();
        assertEquals("after the restart", history.get(history.size() - 1).text());
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i).msgId() > history.get(i - 1).msgId(), "history in rising id order");
        }
    }

    @Test
    void theServerGoingDownTellsEveryMember() throws Exception {
        RecordingLink alice = enter("lobby", "alice");
        RecordingLink bob = enter("other", "bob");

        rooms.serverClosing();

        assertEquals(1, alice.count("closing: the server is shutting down"));
        assertEquals(1, bob.count("closing: the server is shutting down"));
    }
}
