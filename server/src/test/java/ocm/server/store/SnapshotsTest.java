package ocm.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import com.google.gson.Gson;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.room.ChatRecord;
import ocm.server.room.DeliveryStream;
import ocm.server.room.Member;
import ocm.server.room.Room;
import ocm.server.room.RoomRegistry;
import ocm.server.room.Tokens;
import org.junit.jupiter.api.Test;

/** What the state file keeps of members and history, and how it comes back. */
class SnapshotsTest {
    private static RoomRegistry registry() {
        return new RoomRegistry(new RoomRegistry.Limits(10, 10, 10, 10, 10), new Tokens());
    }

    @Test
    void chatSeqsSurviveTheFileSoAResentChatIsKnown() throws Exception {
        RoomRegistry live = registry();
        Member alice = live.create("lobby", "alice", Optional.empty(), 2, "127.0.0.1", 0);
        Member bob = live.join("lobby", "bob", Optional.empty(), 2, "127.0.0.1", 0);
        Member carol = live.join("lobby", "carol", Optional.empty(), 1, "127.0.0.1", 0);
        bob.stream(new DeliveryStream(1, 0, 0xFFFF_FFF0, 0, 10));
        bob.stream().chats().offer(0xFFFF_FFF0, new Packet.Chat(0xFFFF_FFF0, false, "hi"));
        bob.stream().chats().poll();
        alice.room().record(5, false, "bob", "hi", 0xFFFF_FFF0L);
        alice.room().record(6, false, "carol", "v1 hello");
        String json = new Gson().toJson(Snapshots.of(live, 0));

        RoomRegistry back = registry();
        Snapshots.restore(back, new Gson().fromJson(json, StateSnapshot.class), 0);
        Room room = back.room("lobby").orElseThrow();
        assertEquals(0xFFFF_FFF1L, memberNamed(room, "bob").chatNext());
        assertEquals(Member.NO_CHAT_NEXT, memberNamed(room, "alice").chatNext(), "never had a v2 session");
        assertEquals(Member.NO_CHAT_NEXT, memberNamed(room, "carol").chatNext());
        assertEquals(1, room.chatsFrom("bob", 0xFFFF_FFF0, 1).get(0).msgId());
        assertTrue(room.chatsFrom("alice", 0xFFFF_FFF0, 1).isEmpty(), "another sender's seq space");
        assertEquals(ChatRecord.NO_SEQ, room.history().get(1).senderSeq());
    }

    @Test
    void filesWithoutChatSeqsOrWithBadOnesRestoreWithNone() throws Exception {
        String json = "{\"version\":1,\"savedAt\":0,\"rooms\":[{\"name\":\"lobby\",\"host\":\"alice\","
                + "\"createdAt\":0,\"nextMsgId\":3,\"messagesRelayed\":2,\"msgIdReserved\":0,"
                + "\"members\":[{\"name\":\"alice\",\"tokenHash\":\"h1\",\"protocol\":2,\"joinedAt\":0,\"lastHeard\":0},"
                + "{\"name\":\"bob\",\"tokenHash\":\"h2\",\"protocol\":2,\"joinedAt\":0,\"lastHeard\":0,\"chatNext\":4294967296}],"
                + "\"history\":[{\"msgId\":1,\"timestamp\":0,\"action\":false,\"sender\":\"alice\",\"text\":\"old\"},"
                + "{\"msgId\":2,\"timestamp\":0,\"action\":false,\"sender\":\"bob\",\"text\":\"odd\",\"seq\":-5}]}]}";
        RoomRegistry back = registry();
        assertEquals(1, Snapshots.restore(back, new Gson().fromJson(json, StateSnapshot.class), 0));
        Room room = back.room("lobby").orElseThrow();
        assertEquals(Member.NO_CHAT_NEXT, memberNamed(room, "alice").chatNext());
        assertEquals(Member.NO_CHAT_NEXT, memberNamed(room, "bob").chatNext(), "beyond 32 bits: ignored");
        assertEquals(List.of(ChatRecord.NO_SEQ, ChatRecord.NO_SEQ), room.history().stream().map(ChatRecord::senderSeq).toList());
    }

    private static Member memberNamed(Room room, String name) {
        return room.members().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void memberAddressesAreSavedAsHostAndPortEvenWhenUnresolved() throws Exception {
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 10, 10, 10), new Tokens());
        Member host = registry.create("lobby", "alice", Optional.empty(), 2, "127.0.0.1", 0);
        host.address(new InetSocketAddress("127.0.0.1", 4000));
        registry.join("lobby", "bob", Optional.empty(), 1, "127.0.0.1", 0);
        // As restored from a state file whose host name no longer resolves.
        registry.restoreMember(host.room(), "carol", "hash", InetSocketAddress.createUnresolved("gone.invalid", 5000), 1, 0, 0);
        List<StateSnapshot.MemberSnapshot> saved = Snapshots.of(registry, 0).rooms().get(0).members();
        assertEquals("127.0.0.1:4000", saved.get(0).address());
        assertEquals(null, saved.get(1).address(), "bob has not registered an address");
        assertEquals("gone.invalid:5000", saved.get(2).address());
    }
}
