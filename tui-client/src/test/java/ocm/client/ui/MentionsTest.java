package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import ocm.client.net.NetEvent;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import org.junit.jupiter.api.Test;

class MentionsTest {
    @Test
    void aNameCountsAsAWholeWordInAnyCase() {
        assertTrue(Mentions.names("hey Alice, look", "alice"));
        assertTrue(Mentions.names("@alice!", "alice"));
        assertTrue(Mentions.names("alice", "alice"));
        assertFalse(Mentions.names("malice aforethought", "alice"));
        assertFalse(Mentions.names("alice_bot is here", "alice"));
        assertTrue(Mentions.names("ping 李雷 please", "李雷"));
    }

    @Test
    void systemLinesInWords() {
        assertEquals("carol was kicked: spam", Words.event(new NetEvent.RoomEvent("r", 0, EventKind.KICKED, "carol", "spam")));
        assertEquals("room closed: host left",
                Words.ended(new NetEvent.Ended("r", Optional.of(EndReason.HOST_LEFT), "")));
        assertEquals("you were banned (too rude)",
                Words.ended(new NetEvent.Ended("r", Optional.of(EndReason.BANNED), "too rude")));
        assertEquals("membership ended", Words.ended(new NetEvent.Ended("r", Optional.empty(), "")));
        // The client's own finding, said whole.
        assertEquals("lobby no longer exists on the server",
                Words.ended(new NetEvent.Ended("r", Optional.empty(), "lobby no longer exists on the server")));
    }
}
