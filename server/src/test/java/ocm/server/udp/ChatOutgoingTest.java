package ocm.server.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketType;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.server.room.ChatRecord;
import ocm.server.room.Outgoing;
import org.junit.jupiter.api.Test;

/** The relay's hand-written ChatMessage encoding must be byte for byte the codec's. */
class ChatOutgoingTest {
    @Test
    void matchesTheCodecsReliableTail() {
        for (ChatRecord r : new ChatRecord[] {
                new ChatRecord(1, 1_700_000_000_000L, false, "alice", "hello"),
                new ChatRecord(Integer.MAX_VALUE, 0, true, "ユーザー", "waves 👋"),
                new ChatRecord(42, -1, false, "b", "")}) {
            Outgoing o = V2Link.chatOutgoing(r);
            assertEquals(PacketType.MESSAGE, o.type());
            byte[] expected = V2Codec.encodeReliableTail(
                    new Packet.ChatMessage(0, r.msgId(), r.timestampMillis(), r.action(), r.sender(), r.text()));
            assertArrayEquals(expected, o.tail());
        }
    }
}
