package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Optional;
import ocm.client.net.NetEvent;
import ocm.protocol.Limits;
import ocm.protocol.tcrp.RoomListing.RoomSummary;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import org.junit.jupiter.api.Test;

/** The smaller defects issue 14 lists, as a new user met them, each on the real screens. */
class NewUserFindingsScreenTest extends ScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    private UiHarness chatIn(String room) throws Exception {
        ui = UiHarness.chatIn(fake, room, dir, SIZE);
        return ui;
    }

    private void message(String room, int id, String sender, String text) {
        fake.emit(new NetEvent.Message(room, id, System.currentTimeMillis(), false, sender, text));
    }

    private void event(String room, EventKind kind, String name, String text) {
        fake.emit(new NetEvent.RoomEvent(room, System.currentTimeMillis(), kind, name, text));
    }

    private String lastRow() {
        return ui.text().lines().reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void createOfARoomWeAreInSaysSoInsteadOfSwitchingSilently() throws Exception {
        chatIn("lobby");
        ui.line("/create lobby");
        ui.await("you are in lobby already; a new room needs another name");
        ui.line("/join room05");
        ui.await("you joined room05");
        ui.alt('1');
        ui.await("lobby >");
        ui.line("/create room05");
        ui.await("you are already in room05 (shown now); a new room needs");
        ui.await("room05 >");
        assertEquals(2, fake.entered.size(), "nothing asked of the server: " + fake.entered);
    }

    @Test
    void anOverLongLineStaysInTheInputWithHowMuchTooLongItIs() throws Exception {
        chatIn("lobby");
        ui.line("x".repeat(3700));
        ui.await("message is 3700 bytes, 100 over the limit of " + Limits.MAX_TEXT_BYTES);
        ui.await("it is still in the input, shorten it");
        assertTrue(lastRow().startsWith("lobby > xxxx"), lastRow());
        ui.ctrl('u'); // the input had kept the line: clear it, and a short one goes
        ui.key(KeyType.End);
        ui.awaitScreen(s -> !lastRow().contains("xxxx"), "the input cleared");
        ui.line("short");
        ui.await("alice: short (sending)");
        assertEquals(1, fake.sent.size());
        assertEquals("short", fake.sent.get(0).text());
    }

    @Test
    void aKickSaysByWhomAsFarAsTheClientKnows() throws Exception {
        ui = UiHarness.chatIn(fake, "den", dir, SIZE);
        fake.emit(new NetEvent.Members("den", List.of(new Packet.Member("alice", true, false),
                new Packet.Member("bob", false, false), new Packet.Member("carol", false, false))));
        ui.await(" bob");
        ui.line("/kick bob spamming");
        ui.awaitCondition(() -> fake.calls.contains("kick den bob"), "the kick sent");
        event("den", EventKind.KICKED, "bob", "spamming");
        ui.await("bob was kicked by you: spamming");
        event("den", EventKind.KICKED, "carol", "rude"); // not asked by us: the server does not say who
        ui.await("carol was kicked by the host or the server's operator: rude");
    }

    @Test
    void rejoiningKeepsTheOldLinesMergesTheHistoryAndKeepsThePlaceInTheList() throws Exception {
        chatIn("lobby");
        ui.line("/join second");
        ui.await("you joined second");
        ui.line("/join third");
        ui.await("you joined third");
        ui.alt('2');
        long t = System.currentTimeMillis();
        fake.emit(new NetEvent.Message("second", 1, t, false, "bob", "before the kick"));
        ui.line("/frob"); // an error line, which only this client has
        ui.await("unknown command /frob");
        fake.emit(new NetEvent.Ended("second", Optional.of(EndReason.KICKED), "go away"));
        ui.await("you were kicked (go away)");
        ui.line("/join second");
        ui.awaitScreen(x -> count(x, "you joined second") == 2, "the second 'you joined second'");
        fake.emit(new NetEvent.Message("second", 1, t, false, "bob", "before the kick", true)); // the server's history again
        fake.emit(new NetEvent.Message("second", 2, t + 1, false, "bob", "while you were out", true));
        String s = ui.await("while you were out");
        assertEquals(1, count(s, "bob: before the kick"), s);
        assertTrue(s.contains("unknown command /frob") && s.contains("you were kicked (go away)"), s);
        assertTrue(s.indexOf("you were kicked") < s.indexOf("while you were out")
                && s.indexOf("while you were out") < s.lastIndexOf("you joined second"), s);
        assertTrue(ui.row("2 second") != null && ui.row("3 third") != null, "second keeps Alt+2:\n" + s);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theTitleNoLongerSaysHostOnceTheRoomHasClosed() throws Exception {
        ui = UiHarness.chatIn(fake, "mine", dir, SIZE);
        ui.line("/create own");
        ui.await("you created own and are its host");
        ui.await("OCM · own · you are host");
        fake.emit(new NetEvent.Ended("own", Optional.of(EndReason.CLOSED_BY_ADMIN), ""));
        String s = ui.await("read-only: room closed by the server's operator");
        assertFalse(s.contains("you are host"), s);
    }

    @Test
    void f1HelpStaysOnTheStatusLineWithALongRoomName() throws Exception {
        String room = "a-very-long-room-name-that-would-push-everything-else-off-the-status-line";
        ui = new UiHarness(a -> fake, new ClientApp.Start(new ocm.client.config.ClientSettings("127.0.0.1", 9090, 9091,
                "alice"), Optional.empty(), Optional.of(room), Optional.empty()), dir, new TerminalSize(80, 24));
        ui.await("[connected]");
        String status = ui.row("[connected]");
        assertTrue(status.stripTrailing().endsWith("F1 help"), status);
        assertTrue(status.contains("[connected] · a-very-long-room-name"), status);
        assertTrue(status.contains("…"), status);
    }

    @Test
    void theScrolledMarkerHasItsOwnRowAndCoversNoText() throws Exception {
        chatIn("lobby");
        for (int i = 1; i <= 60; i++) {
            message("lobby", i, "bob", "line " + i + " " + "w".repeat(60)); // as wide as the pane
        }
        ui.await("line 60");
        ui.key(KeyType.PageUp);
        String s = ui.await("[scrolled up");
        String marker = ui.row("[scrolled up");
        assertTrue(marker.contains("│[scrolled up · End or PageDown to return]   "), marker);
        assertFalse(marker.contains("line "), "no message text beside the marker:\n" + s);
        ui.key(KeyType.Home); // the very top: the first line whole under the marker
        s = ui.await("line 1 ");
        String[] rows = s.split("\n");
        assertTrue(rows[1].contains("[scrolled up") && rows[2].contains("you joined lobby") && rows[3].contains("bob: line 1"), s);
    }

    @Test
    void theLobbysCreateDialogHasItsWholeFrameAt100x30() throws Exception {
        fake.rooms.add(new RoomSummary("general", "bob", 3, false));
        ui = UiHarness.connectScreen(a -> fake, dir, SIZE);
        ui.line("alice");
        ui.await("general");
        ui.type("c");
        String s = ui.await("Create a room (password optional)");
        List<String> box = s.lines().filter(r -> r.contains("│") || r.contains("┌") || r.contains("└"))
                .map(r -> r.substring(r.indexOf(r.contains("┌") ? '┌' : r.contains("└") ? '└' : '│')).stripTrailing())
                .collect(java.util.stream.Collectors.toList());
        assertEquals(List.of(
                "┌─ Create a room (password optional) ──────────────────┐",
                "│                                                      │",
                "│ Room                                                 │",
                "│ Password                                             │",
                "│                                                      │",
                "│                                                      │",
                "│                                                      │",
                "│ Enter ok · Tab next field · Esc cancel               │",
                "└──────────────────────────────────────────────────────┘"), box, s);
    }

    @Test
    void anAnnouncementToEveryRoomMarksTheOthersUnread() throws Exception {
        chatIn("lobby");
        ui.line("/join other");
        ui.await("you joined other");
        event("lobby", EventKind.NOTICE, "", "server restarts at noon");
        event("other", EventKind.NOTICE, "", "server restarts at noon");
        String s = ui.awaitScreen(t -> ui.row("1 lobby").matches("1 lobby +1 .*"), "lobby with one unread");
        assertTrue(s.contains("-- notice: server restarts at noon"), s); // shown in other, the room we look at
        assertTrue(ui.row("2 other") != null && !ui.row("2 other").matches(".*other +1 .*"), s);
    }

    @Test
    void joinsAndLeavesHideAsTheSettingSaysAndIgnoredPeopleVanish() throws Exception {
        chatIn("lobby");
        event("lobby", EventKind.JOINED, "carol", "");
        ui.await("carol joined");
        ui.line("/set joins smart");
        ui.await("joins = smart");
        message("lobby", 1, "bob", "I spoke");
        event("lobby", EventKind.LEFT, "carol", ""); // never spoke: hidden
        event("lobby", EventKind.LEFT, "bob", ""); // spoke a moment ago: shown
        ui.await("bob left");
        assertFalse(ui.text().contains("carol left"), ui.text());
        ui.line("/set joins none");
        ui.await("joins = none");
        event("lobby", EventKind.JOINED, "bob", "");
        message("lobby", 2, "dave", "marker one");
        ui.await("marker one");
        assertFalse(ui.text().contains("bob joined"), ui.text());
        ui.line("/ignore dave");
        ui.await("ignoring dave");
        message("lobby", 3, "dave", "you cannot see me");
        message("lobby", 4, "bob", "marker two");
        ui.await("marker two");
        assertFalse(ui.text().contains("you cannot see me"), ui.text());
        ui.line("/unignore dave");
        ui.await("no longer ignoring dave");
        message("lobby", 5, "dave", "back again");
        ui.await("dave: back again");
        assertEquals(List.of(), ui.app.options().preferences().load().ignored());
        assertEquals("none", ui.app.options().preferences().load().joins());
    }

    @Test
    void aCutNameEndsWithAnEllipsisSoItReadsAsCut() throws Exception {
        ui = UiHarness.chatIn(fake, "General 日本語の部屋", dir, new TerminalSize(80, 24));
        String row = ui.row("1 General");
        assertTrue(row.startsWith("1 General … "), row); // 日 is two columns: it does not fit beside the …
    }

    @Test
    void slashMeAndTabStaysMe() throws Exception {
        chatIn("lobby");
        ui.type("/me");
        ui.key(KeyType.Tab);
        ui.type("waves");
        ui.key(KeyType.Enter);
        ui.await("* alice waves");
    }

    @Test
    void youJoinedWaitsForTheChatPortToAnswer() throws Exception {
        chatIn("lobby");
        fake.udpSilent.add("quiet");
        ui.line("/join quiet");
        ui.await("[registering] · quiet");
        ui.line("typed meanwhile");
        ui.await("alice: typed meanwhile (sending)");
        assertFalse(ui.text().contains("you joined quiet"), ui.text());
        fake.emit(new NetEvent.Notice("quiet", "no answer yet from the server's chat port, UDP 9091; still trying"));
        ui.await("no answer yet");
        fake.emit(new NetEvent.Message("quiet", 1, System.currentTimeMillis() - 60_000, false, "bob", "said before", true));
        fake.emit(new NetEvent.Status("quiet", NetEvent.LinkState.LIVE, 12, 0));
        String s = ui.await("you joined quiet");
        assertTrue(s.indexOf("bob: said before") < s.indexOf("you joined quiet")
                && s.indexOf("you joined quiet") < s.indexOf("alice: typed meanwhile"), s);
    }

    @Test
    void aRoomLeftAndJoinedAgainDoesNotTakeTheOldSessionsEndForItsOwn() throws Exception {
        chatIn("lobby");
        ui.line("/join two");
        ui.await("you joined two");
        ui.line("/leave");
        ui.await("left two");
        fake.emit(new NetEvent.Status("two", NetEvent.LinkState.ENDED, -1, 0)); // the old session, after the UI dropped the room
        fake.udpSilent.add("two");
        ui.line("/join two");
        String s = ui.await("[registering] · two");
        assertFalse(s.contains("you joined two"), s);
    }

    @Test
    void statsSaysWhatTheStatusLineNoLongerShows() throws Exception {
        chatIn("lobby");
        assertFalse(ui.row("[connected]").contains("rtt"), ui.text());
        ui.line("/stats");
        ui.await("lobby: connected, round-trip time 12 ms, 0 sent and not yet");
        ui.line("/set stats on");
        ui.await("[connected] rtt 12 ms · unacked 0 · lobby");
    }
}
