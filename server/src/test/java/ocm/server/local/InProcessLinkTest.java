package ocm.server.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ocm.protocol.ErrorCode;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.identity.NameOwners;
import ocm.server.room.Announcement;
import ocm.server.room.ChatRecord;
import ocm.server.room.Member;
import ocm.server.room.RoomException;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import org.junit.jupiter.api.Test;

/** Members in this process (SSH sessions) under the room service's rules, without threads or sockets. */
class InProcessLinkTest {
    private final RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 100, 1000, 1000), new Tokens());
    private final NameOwners owners = NameOwners.inMemory();
    private final RoomService rooms = new RoomService(registry, new Counters(), Duration.ofMinutes(30), Duration.ofSeconds(60), owners);
    private long now = 1_000_000;

    private Member enter(String room, String user, InProcessLink link) throws RoomException {
        if (registry.room(room).isEmpty()) {
            rooms.create(room, user, Optional.empty(), 2, "10.0.0.1", now);
        } else {
            rooms.join(room, user, Optional.empty(), 2, "10.0.0.2", now);
        }
        Member m = registry.room(room).orElseThrow().member(user).orElseThrow();
        m.link(link);
        return m;
    }

    private static List<Object> drain(InProcessLink link) {
        link.drainStarts();
        List<Object> got = new ArrayList<>();
        for (Object o = link.poll(); o != null; o = link.poll()) {
            got.add(o);
        }
        return got;
    }

    @Test
    void chatsEventsAndMemberListsArriveInOrderAndWakeTheSessionOncePerDrain() throws Exception {
        AtomicInteger wakes = new AtomicInteger();
        InProcessLink alice = new InProcessLink(16, wakes::incrementAndGet);
        Member a = enter("lounge", "alice", alice);
        enter("lounge", "bob", new InProcessLink(16, () -> { }));
        Member bob = registry.room("lounge").orElseThrow().member("bob").orElseThrow();
        rooms.chat(bob, false, "hello", ChatRecord.NO_SEQ, now);
        rooms.chat(bob, false, "again", ChatRecord.NO_SEQ, now);
        assertEquals(1, wakes.get(), "one wake until the session drains");
        List<Object> got = drain(alice);
        assertInstanceOf(Announcement.class, got.get(0)); // bob joined
        assertInstanceOf(InProcessLink.Members.class, got.get(1));
        assertEquals("hello", ((ChatRecord) got.get(2)).text());
        assertEquals("again", ((ChatRecord) got.get(3)).text());
        rooms.chat(bob, false, "third", ChatRecord.NO_SEQ, now);
        assertEquals(2, wakes.get(), "a delivery after a drain wakes again");
        rooms.end(a, EndReason.LEFT, "", now); // the host leaves: it hears its own LEFT, the room closes
        List<Object> last = drain(alice);
        assertEquals("third", ((ChatRecord) last.get(0)).text());
        assertEquals(new InProcessLink.Ending(EndReason.LEFT, ""), last.get(last.size() - 1));
    }

    @Test
    void aSessionWhoseInboxIsFullIsRemovedLikeAnyMemberTooFarBehind() throws Exception {
        enter("lounge", "alice", new InProcessLink(64, () -> { }));
        InProcessLink slow = new InProcessLink(3, () -> { });
        Member s = enter("lounge", "slow", slow);
        Member alice = registry.room("lounge").orElseThrow().member("alice").orElseThrow();
        for (int i = 0; i < 5; i++) {
            rooms.chat(alice, false, "m" + i, ChatRecord.NO_SEQ, now);
            rooms.settle(now);
        }
        assertTrue(s.gone(), "the member that could not keep up was removed");
        List<Object> got = drain(slow);
        assertInstanceOf(InProcessLink.Ending.class, got.get(got.size() - 1), "and told, although its inbox was full");
        assertEquals(EndReason.TIMED_OUT, ((InProcessLink.Ending) got.get(got.size() - 1)).reason());
    }

    @Test
    void theIdleSweepLeavesInProcessMembersAlone() throws Exception {
        Member host = enter("lounge", "alice", new InProcessLink(64, () -> { }));
        Member reader = enter("lounge", "reader", new InProcessLink(64, () -> { }));
        now += Duration.ofHours(2).toMillis();
        rooms.sweep(now);
        assertFalse(reader.gone(), "an SSH reader who never types stays (its liveness is its SSH connection)");
        assertFalse(host.gone());
    }

    @Test
    void anOwnedNameNeedsItsKeyForCreateAndJoin() throws Exception {
        String key = "SHA256:" + "k".repeat(43);
        owners.claim("alice", key);
        RoomException create = assertThrows(RoomException.class,
                () -> rooms.create("r", "alice", Optional.empty(), 1, "10.0.0.9", now));
        assertEquals(ErrorCode.NAME_TAKEN, create.code());
        assertEquals("the name 'alice' belongs to another key", create.getMessage());
        rooms.create("r", "bob", Optional.empty(), 1, "10.0.0.9", now);
        assertThrows(RoomException.class, () -> rooms.join("r", "alice", Optional.empty(), 1, "10.0.0.9", now));
        assertThrows(RoomException.class, () -> rooms.join("r", "alice", Optional.empty(), 2, "10.0.0.9",
                Optional.of("SHA256:" + "x".repeat(43)), now));
        assertEquals("alice", rooms.join("r", "alice", Optional.empty(), 2, "10.0.0.9", Optional.of(key), now).username());
    }
}
