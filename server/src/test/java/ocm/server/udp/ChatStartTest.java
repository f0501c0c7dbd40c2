package ocm.server.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ocm.server.room.DeliveryStream;
import ocm.server.room.Member;
import org.junit.jupiter.api.Test;

/** Where a new session's chat window starts, given what the member's earlier sessions processed. */
class ChatStartTest {
    @Test
    void withNothingKnownTheClientsNextSeqIsTaken() {
        assertEquals(7, V2Handler.chatStart(Member.NO_CHAT_NEXT, 7));
    }

    @Test
    void chatsAlreadyProcessedAreSkippedUpToAWindowBack() {
        assertEquals(12, V2Handler.chatStart(12, 10));
        assertEquals(12, V2Handler.chatStart(12, 12 - DeliveryStream.CHAT_WINDOW));
        assertEquals(1, V2Handler.chatStart(1, -3), "across the 2^32 wrap");
        assertEquals(3, V2Handler.chatStart(Integer.toUnsignedLong(3), -1));
    }

    @Test
    void aClientAheadOrFarBehindIsTakenAtItsWord() {
        assertEquals(12, V2Handler.chatStart(10, 12), "the server acked those before it lost them");
        assertEquals(10, V2Handler.chatStart(10, 10));
        assertEquals(11 - DeliveryStream.CHAT_WINDOW, V2Handler.chatStart(12, 11 - DeliveryStream.CHAT_WINDOW),
                "further back than any client has in flight: a new seq space");
        assertEquals(Integer.MIN_VALUE, V2Handler.chatStart(0, Integer.MIN_VALUE), "half the seq space away");
    }
}
