package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where history lines go: above "you joined" only while nothing else came after it. */
class RoomModelTest {
    private static ChatLine chat(String sender, String text) {
        return new ChatLine(0, ChatLine.Kind.CHAT, sender, text, false, ChatLine.Delivery.DELIVERED);
    }

    private static List<String> texts(RoomModel r) {
        return r.lines().stream().map(ChatLine::text).toList();
    }

    @Test
    void historyOnJoiningGoesAboveTheJoinLine() {
        RoomModel r = new RoomModel("den", "alice", false, List.of("alice", "bob"), "bob");
        r.addJoinLine(ChatLine.system(0, "you joined den"));
        r.addHistory(chat("bob", "older"), true);
        r.addHistory(chat("bob", "old"), true);
        assertEquals(List.of("older", "old", "you joined den"), texts(r));
    }

    @Test
    void catchUpAfterAReconnectNoticeGoesAfterItEvenInARoomWithNoChatYet() {
        RoomModel r = new RoomModel("den", "alice", true, List.of("alice"), "alice");
        r.addJoinLine(ChatLine.system(0, "you created den"));
        r.add(ChatLine.system(0, "the server had lost this session; registered again"), true);
        r.addHistory(chat("carol", "typed while the server was down"), true);
        assertEquals(List.of("you created den", "the server had lost this session; registered again",
                "typed while the server was down"), texts(r));
    }

    @Test
    void aRejoinKeepsTheOldLinesAndTheHistoryAddsOnlyWhatIsNew() {
        RoomModel old = new RoomModel("den", "alice", false, List.of("alice", "bob"), "bob");
        old.addJoinLine(ChatLine.system(0, "you joined den"));
        old.add(chat("bob", "ok"), true);
        old.add(ChatLine.system(0, "you were kicked"), true);
        RoomModel again = new RoomModel("den", "alice", false, List.of("alice", "bob"), "bob");
        again.keepLines(old);
        again.addJoinLine(ChatLine.system(0, "you joined den"));
        again.addHistory(chat("bob", "ok"), true); // seen already
        again.addHistory(chat("bob", "new"), true);
        again.addHistory(chat("bob", "new"), true); // said twice: the history's own repeats stay
        assertEquals(List.of("you joined den", "ok", "you were kicked", "new", "new", "you joined den"), texts(again));
    }
}
