package ocm.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ocm.protocol.reliable.ReceiveWindow;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketType;
import org.junit.jupiter.api.Test;

/** Issue 17, case 2: a member's delivery and chat state is bounded in bytes, not only in packets. */
class DeliveryStreamBytesTest {
    private static final String BIG = "z".repeat(3000);

    @Test
    void theBacklogRefusesPastItsByteBoundLongBeforeItsItemBound() {
        DeliveryStream s = new DeliveryStream(1, 0, 0, 0, 2048);
        int queued = 0;
        while (s.enqueue(new Outgoing(PacketType.MESSAGE, new byte[3000]))) {
            queued++;
        }
        assertTrue(queued < 2048 && queued >= DeliveryStream.MAX_BACKLOG_BYTES / 3100, "queued " + queued);
        assertTrue(s.heldBytes() <= DeliveryStream.MAX_BACKLOG_BYTES, "held " + s.heldBytes());
        // Moving them into the send window stops at its byte bound too.
        int inFlight = 0;
        while (s.windowHasRoom() && !s.backlog().isEmpty()) {
            s.window().add(s.pollBacklog(), 0);
            inFlight++;
        }
        assertTrue(inFlight < DeliveryStream.WINDOW, "in flight " + inFlight);
        assertTrue(s.window().weight() <= DeliveryStream.MAX_WINDOW_BYTES + 3100, "window " + s.window().weight());
        assertTrue(s.heldBytes() <= DeliveryStream.MAX_WINDOW_BYTES + 3100 + DeliveryStream.MAX_BACKLOG_BYTES);
        s.window().ack(s.window().nextSeq() - 1, -1L, 1);
        assertEquals(s.heldBytes(), s.backlog().size() * (3000L + DeliveryStream.ITEM_OVERHEAD), "acked bytes are let go");
    }

    @Test
    void chatsBufferedOutOfOrderAreBoundedInBytesAndTheNextExpectedAlwaysFits() {
        DeliveryStream s = new DeliveryStream(1, 0, 0, 0, 2048);
        int seq = 1; // 0 is missing: everything after it waits
        while (s.offerChat(seq, new Packet.Chat(seq, false, BIG)) == ReceiveWindow.Offer.ACCEPTED) {
            seq++;
        }
        assertTrue(seq < DeliveryStream.CHAT_WINDOW, "refused by bytes before the window's 256: at " + seq);
        assertTrue(s.bufferedChatBytes() <= DeliveryStream.MAX_BUFFERED_CHAT_BYTES, "buffered " + s.bufferedChatBytes());
        assertEquals(ReceiveWindow.Offer.ACCEPTED, s.offerChat(0, new Packet.Chat(0, false, BIG)), "the gap's chat still fits");
        int polled = 0;
        while (s.pollChat() != null) {
            polled++;
        }
        assertEquals(seq, polled);
        assertEquals(0, s.bufferedChatBytes());
        assertFalse(s.offerChat(seq, new Packet.Chat(seq, false, BIG)) == ReceiveWindow.Offer.TOO_FAR);
    }
}
