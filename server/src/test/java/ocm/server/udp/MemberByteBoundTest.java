package ocm.server.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.config.ServerConfig;
import ocm.server.room.ChatRecord;
import ocm.server.room.DeliveryStream;
import ocm.server.room.Removals;
import ocm.server.room.Member;
import ocm.server.testing.DeafV2Member;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, case 2: what one member holds (in flight plus backlog) is bounded in bytes, not only in
 * packets. Large chats to a member that acknowledges nothing reach the byte bound long before the
 * packet bound (128 in flight + 2048 waiting, about 8 MB of 3,000-byte chats); the member is
 * removed there, "too far behind", and never holds more than the bound.
 */
class MemberByteBoundTest {
    private static final int CHAT_CHARS = 3000;
    /** The most a member's deliveries may hold: the byte bounds plus one chat over the window's (it is checked before each add). */
    private static final long BOUND = DeliveryStream.MAX_WINDOW_BYTES + DeliveryStream.MAX_BACKLOG_BYTES + 4096;

    @Test
    void aMemberThatFallsBehindOnLargeChatsHoldsAtMostTheByteBoundAndIsRemovedThere() throws Exception {
        try (RelayRig rig = new RelayRig(ServerConfig.forTests().withRate(10_000, 10_000))) {
            String a = rig.create("big", "alice");
            String b = rig.join("big", "bob");
            try (V2TestClient alice = new V2TestClient(rig.port(), "big", a);
                 DeafV2Member bob = new DeafV2Member(rig.port(), "big", b)) {
                alice.register();
                bob.send(new Packet.Register(1, 0, 0));
                rig.pumpUntil("both registered", () -> alice.registered() && rig.member(b) != null && rig.member(b).stream() != null);
                long held = 0;
                int sent = 0;
                // 400 chats of 3,000 bytes: 1.2 MB, far below the packet bound, twice the byte bound.
                for (; sent < 400 && rig.member(b) != null; sent++) {
                    alice.say(sent + " " + "x".repeat(CHAT_CHARS));
                    int n = sent + 1;
                    rig.pumpUntil("chat " + n + " accepted", () -> alice.accepted().size() >= n);
                    Member bobNow = rig.member(b);
                    if (bobNow != null && bobNow.stream() != null) {
                        held = Math.max(held, bobNow.stream().heldBytes());
                    }
                }
                assertTrue(held <= BOUND, "bob held " + held + " bytes, the bound is " + BOUND);
                assertTrue(held > DeliveryStream.MAX_BACKLOG_BYTES, "bob got near the bound before removal: " + held);
                rig.pumpUntil("alice hears bob was too far behind", () -> alice.events().stream().anyMatch(e ->
                        e.kind() == EventKind.TIMED_OUT && e.name().equals("bob") && e.text().equals(Removals.TOO_FAR_BEHIND)));
                assertNull(rig.member(b), "bob is removed");
                assertTrue(sent < 400, "removed after " + sent + " chats, before the packet bound");
            }
        }
    }

    @Test
    void aJoinerGetsTheNewestHistoryThatFitsHalfTheBacklog() {
        List<ChatRecord> history = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            history.add(new ChatRecord(i + 1, i, false, "alice", "y".repeat(CHAT_CHARS), ChatRecord.NO_SEQ));
        }
        int start = DeliveryStream.historyStart(history, 2047);
        int kept = history.size() - start;
        assertTrue(kept >= 100 && kept < 300, "the default 100 of the longest fit, not all 300: kept " + kept);
        assertTrue((long) kept * CHAT_CHARS <= DeliveryStream.MAX_HISTORY_BYTES, "kept " + kept);
        assertEquals(300 - kept, start, "the newest are kept");
        assertEquals(290, DeliveryStream.historyStart(history, 10), "and at most maxItems of them");
    }
}
