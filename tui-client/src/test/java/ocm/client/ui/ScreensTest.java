package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ocm.client.config.ClientSettings;
import ocm.client.net.ClientException;
import ocm.client.net.NetEvent;
import ocm.client.testing.FakeChatService;
import ocm.protocol.Limits;
import ocm.protocol.tcrp.RoomListing.RoomSummary;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import org.junit.jupiter.api.Test;

/** The real screens on a virtual terminal, behind a fake network layer. */
class ScreensTest extends ScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    private UiHarness connectScreen() throws Exception {
        ui = new UiHarness(a -> fake, new ClientApp.Start(ClientSettings.DEFAULTS, Optional.empty(), Optional.empty(),
                Optional.empty()), dir, SIZE);
        return ui;
    }

    /** Straight into the chat: --name alice --join lobby. */
    private UiHarness chatIn(String room) throws Exception {
        ClientSettings v = new ClientSettings("127.0.0.1", 9090, 9091, "alice");
        ui = new UiHarness(a -> fake, new ClientApp.Start(v, Optional.empty(), Optional.of(room), Optional.empty()),
                dir, SIZE);
        ui.await("you joined " + room);
        fake.emit(new NetEvent.Status(room, NetEvent.LinkState.LIVE, 12, 0));
        ui.await("[connected] · " + room);
        return ui;
    }

    private void message(String room, int id, String sender, String text) {
        fake.emit(new NetEvent.Message(room, id, System.currentTimeMillis(), false, sender, text));
    }

    @Test
    void connectScreenShowsBannerAndDefaultsThenTheLobby() throws Exception {
        fake.rooms.add(new RoomSummary("general", "bob", 3, false));
        connectScreen();
        String s = ui.await("Online Chat Messenger");
        assertTrue(s.contains("127.0.0.1") && s.contains("9090") && s.contains("9091"), s);
        ui.line("alice");
        s = ui.await("general");
        assertTrue(ui.row("general").contains("bob"), s);
        assertEquals("alice", ui.store.load().name());
        assertEquals(9090, ui.store.load().tcpPort());
    }

    @Test
    void unreachableServerSaysSoAndLetsTheUserRetry() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        ui = new UiHarness(a -> {
            if (tries.incrementAndGet() == 1) {
                throw new ClientException("cannot reach the server at 127.0.0.1:9090 (connection refused)");
            }
            return fake;
        }, new ClientApp.Start(new ClientSettings("127.0.0.1", 9090, 9091, "alice"), Optional.empty(),
                Optional.empty(), Optional.empty()), dir, SIZE);
        ui.await("Connect to a server");
        ui.key(KeyType.Enter);
        ui.await("connection refused");
        ui.await("retry");
        ui.key(KeyType.Enter);
        ui.await("rooms on 127.0.0.1:9090");
    }

    @Test
    void badPortIsRefusedOnTheConnectScreen() throws Exception {
        connectScreen();
        ui.await("Connect to a server");
        ui.key(KeyType.ArrowUp); // from Name to UDP port
        ui.key(KeyType.ArrowUp); // TCP port
        ui.key(KeyType.End);
        ui.type("x");
        ui.key(KeyType.Enter);
        ui.await("the TCP port must be a number");
    }

    @Test
    void lobbyJoinsALockedRoomWithItsPassword() throws Exception {
        fake.rooms.add(new RoomSummary("general", "bob", 3, false));
        fake.rooms.add(new RoomSummary("secret", "bob", 1, true));
        connectScreen();
        ui.line("alice");
        ui.await("secret");
        assertTrue(ui.row("secret").contains("locked"));
        ui.key(KeyType.ArrowDown);
        ui.key(KeyType.Enter);
        ui.await("Password for secret");
        ui.line("hunter2");
        ui.await("you joined secret");
        assertEquals(Optional.of("hunter2"), fake.entered.get(0).password());
        assertFalse(fake.entered.get(0).create());
    }

    @Test
    void lobbyCreatesARoom() throws Exception {
        connectScreen();
        ui.line("alice");
        ui.await("no rooms yet");
        ui.type("c");
        ui.await("Create a room");
        ui.line("den");
        ui.await("you created den and are its host");
        assertTrue(fake.entered.get(0).create());
        assertEquals("den", fake.entered.get(0).room());
    }

    @Test
    void refusedJoinShowsTheReasonInTheDialog() throws Exception {
        fake.rooms.add(new RoomSummary("secret", "bob", 1, true));
        fake.refuse.add("secret");
        connectScreen();
        ui.line("alice");
        ui.await("secret");
        ui.key(KeyType.Enter);
        ui.await("Password for secret");
        ui.line("wrong");
        ui.await("wrong password for secret");
    }

    @Test
    void sendShowsPendingUntilDeliveredAndReceiveShowsOthers() throws Exception {
        chatIn("lobby");
        ui.line("hello there");
        ui.await("alice: hello there (sending)");
        FakeChatService.Sent sent = fake.sent.get(0);
        assertEquals("lobby", sent.room());
        fake.emit(new NetEvent.Delivered("lobby", sent.id(), 7, 0));
        ui.awaitGone("(sending)");
        message("lobby", 8, "bob", "hi alice");
        String s = ui.await("bob: hi alice");
        assertTrue(s.contains("[connected] · lobby"), s);
        fake.emit(new NetEvent.Status("lobby", NetEvent.LinkState.LIVE, 12, 40));
        ui.await("[connected] · sending 40 more… · lobby");
    }

    @Test
    void undeliveredMessageIsMarked() throws Exception {
        chatIn("lobby");
        ui.line("spam");
        ui.await("(sending)");
        fake.emit(new NetEvent.NotDelivered("lobby", fake.sent.get(0).id(), "slow down"));
        ui.await("[not delivered: slow down]");
    }

    @Test
    void actionsEventsAndMembersAreShown() throws Exception {
        chatIn("lobby");
        fake.emit(new NetEvent.Members("lobby", List.of(new Packet.Member("bob", true, false),
                new Packet.Member("alice", false, false), new Packet.Member("carol", false, false))));
        ui.await("@bob");
        ui.await("carol");
        fake.emit(new NetEvent.RoomEvent("lobby", System.currentTimeMillis(), EventKind.JOINED, "carol", ""));
        ui.await("-- carol joined");
        ui.line("/me waves");
        ui.await("* alice waves");
        assertTrue(fake.sent.get(0).action());
    }

    @Test
    void overLongMessageIsRefusedBeforeSending() throws Exception {
        chatIn("lobby");
        ui.line("x".repeat(Limits.MAX_TEXT_BYTES + 1));
        ui.await("1 over the limit of " + Limits.MAX_TEXT_BYTES);
        assertTrue(fake.sent.isEmpty());
    }

    @Test
    void switchingRoomsWithUnreadCountsMentionsAndAltA() throws Exception {
        chatIn("one");
        ui.line("/join two");
        ui.await("you joined two");
        ui.line("/join three");
        ui.await("you joined three");
        message("one", 1, "bob", "plain news");
        message("two", 1, "bob", "hey alice, look");
        ui.awaitScreen(s -> s.matches("(?s).*\\n1 one +1 │.*"), "unread count 1 in room one");
        assertNotNull(ui.row("2!two"), ui.text());
        ui.alt('a'); // the mention first
        ui.await("hey alice, look");
        ui.alt('a'); // then the room with unread lines
        ui.await("plain news");
        ui.alt('3');
        ui.awaitGone("plain news");
        ui.ctrl('n'); // wraps to room one
        ui.await("plain news");
        ui.ctrl('p');
        ui.await("three >");
    }

    @Test
    void scrollbackAndNewMessagesMarker() throws Exception {
        chatIn("lobby");
        for (int i = 1; i <= 60; i++) {
            message("lobby", i, "bob", "line number " + i);
        }
        ui.await("line number 60");
        ui.key(KeyType.PageUp);
        ui.awaitGone("line number 60");
        ui.key(KeyType.Home); // empty input: to the top
        ui.await("line number 1 ");
        message("lobby", 61, "bob", "fresh");
        ui.await("new messages below");
        ui.key(KeyType.End);
        ui.await("fresh");
        ui.awaitGone("new messages below");
        ui.key(KeyType.PageUp);
        ui.key(KeyType.PageDown);
        ui.await("fresh");
    }

    @Test
    void resizeRedrawsAndTooSmallSaysSo() throws Exception {
        chatIn("lobby");
        message("lobby", 1, "bob", "before resize");
        ui.await("before resize");
        ui.terminal.setTerminalSize(new TerminalSize(40, 10));
        ui.await("Terminal too small");
        ui.terminal.setTerminalSize(new TerminalSize(80, 24));
        ui.await("before resize");
        String s = ui.awaitGone("Terminal too small");
        assertEquals(24, s.split("\n").length);
    }

    @Test
    void roomClosedByHostLeavingBecomesReadOnly() throws Exception {
        chatIn("lobby");
        fake.emit(new NetEvent.Ended("lobby", Optional.of(EndReason.HOST_LEFT), ""));
        ui.await("room closed: host left");
        ui.await("(read-only) >");
        ui.line("anyone?");
        ui.await("this room is read-only");
        assertTrue(fake.sent.isEmpty());
    }

    @Test
    void kickedShowsWhy() throws Exception {
        chatIn("lobby");
        fake.emit(new NetEvent.Ended("lobby", Optional.of(EndReason.KICKED), "kicked by bob: spam"));
        ui.await("you were kicked (kicked by bob: spam)");
        ui.await("read-only");
    }

    @Test
    void anEndedRoomShowsNoRtt() throws Exception {
        chatIn("lobby");
        fake.emit(new NetEvent.Ended("lobby", Optional.of(EndReason.KICKED), "kicked by bob"));
        ui.await("[ended]");
        ui.line("/set stats on");
        ui.await("stats = on");
        assertFalse(ui.row("[ended]").contains("rtt"), ui.text());
        fake.emit(new NetEvent.Status("lobby", NetEvent.LinkState.ENDED, 1, 3)); // as the session reports it
        fake.emit(new NetEvent.Notice("lobby", "after the status"));
        ui.await("after the status");
        assertFalse(ui.row("[ended]").contains("rtt"), ui.text());
        assertFalse(ui.row("[ended]").contains("sending"), "nothing is being sent in an ended room: " + ui.text());
    }

    @Test
    void hostOnlyCommandsAreCheckedBeforeSending() throws Exception {
        chatIn("lobby");
        ui.line("/kick bob");
        ui.await("/kick is for the room's host only");
        assertTrue(fake.calls.isEmpty());
        ui.line("/create mine");
        ui.await("you created mine");
        fake.emit(new NetEvent.Members("mine", List.of(new Packet.Member("alice", true, false),
                new Packet.Member("bob", false, false))));
        ui.await("@alice");
        ui.line("/kick bob");
        ui.awaitCondition(() -> fake.calls.contains("kick mine bob"), "kick sent");
        ui.line("/close");
        ui.awaitCondition(() -> fake.calls.contains("close mine"), "close sent");
    }

    @Test
    void tabCompletesMembersAndCommandsAndHistoryRecalls() throws Exception {
        chatIn("lobby");
        fake.emit(new NetEvent.Members("lobby", List.of(new Packet.Member("bob", true, false),
                new Packet.Member("alice", false, false))));
        ui.await("@bob");
        ui.type("b");
        ui.key(KeyType.Tab);
        ui.await("lobby > bob: ");
        ui.ctrl('u');
        ui.type("/he");
        ui.key(KeyType.Tab);
        ui.await("lobby > /help ");
        ui.ctrl('u');
        ui.line("first line");
        ui.await("alice: first line");
        ui.key(KeyType.ArrowUp);
        ui.await("lobby > first line");
    }

    @Test
    void f1AndSlashHelpShowTheKeys() throws Exception {
        chatIn("lobby");
        ui.key(KeyType.F1);
        // One screen showing both: reading once "Alt+A" appears could catch the help box half drawn.
        ui.awaitScreen(s -> s.contains("Alt+A") && s.contains("/join ROOM"), "the keys and the commands");
        ui.type("x");
        ui.awaitGone("Alt+A");
        ui.line("/help");
        ui.await("Alt+A");
    }

    @Test
    void wideCharactersKeepTheLayout() throws Exception {
        chatIn("lobby");
        message("lobby", 1, "bob", "你好世界 こんにちは 한국어 mixed text");
        ui.await("bob:");
        String wide = ui.row("bob:");
        String other = ui.row("you joined lobby");
        assertTrue(wide.contains("你好世界 こんにちは 한국어 mixed text"), wide);
        // The member list's border stays in the same screen column on every row.
        assertEquals(UiHarness.lastColumnOf(other, '│'), UiHarness.lastColumnOf(wide, '│'), ui.text());
    }

    @Test
    void zeroWidthAndEmojiSequencesKeepEveryBorderAndLeaveNoStrayCells() throws Exception {
        chatIn("lobby");
        message("lobby", 1, "bob", "long " + "x".repeat(150));
        message("lobby", 2, "bob", "e" + "\u0301".repeat(200) + " zalgo");
        message("lobby", 3, "bob", "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 end");
        message("lobby", 4, "bob", "abc\u202Edef\u2066g\u2069\u200Eh\uFEFFi\u200Bj");
        message("lobby", 5, "bob", "heart \u2764\uFE0F thumb \uD83D\uDC4D\uD83C\uDFFD flag \uD83C\uDDEB\uD83C\uDDF7 done");
        message("lobby", 6, "bob", "ok \u2705 tea \u2615 math \uD835\uDD38 wave \uD83D\uDC4B " + "\u2705".repeat(40));
        // Each line exactly, then blanks up to the border: nothing left over from the long line above.
        String pane = " *│\\d\\d:\\d\\d bob: %s *│.*";
        String heart = String.format(pane, "heart \u2764 thumb \uD83D\uDC4D flag \\[FR\\] done");
        ui.awaitScreen(s -> s.lines().anyMatch(r -> r.matches(heart)), "the last line drawn whole"); // not mid-refresh
        int left = ui.row("Rooms").indexOf('│'); // ASCII before it: index = column
        int right = UiHarness.lastColumnOf(ui.row("Members"), '│');
        assertTrue(left > 0 && right > left, ui.text());
        for (int r = 1; r <= SIZE.getRows() - 3; r++) {
            for (int col = 0; col < SIZE.getColumns(); col++) {
                String cell = ui.terminal.getCharacter(col, r).getCharacterString();
                boolean border = col == left || col == right;
                assertEquals(border, cell.equals("│"), "row " + r + " column " + col + ":\n" + ui.text());
                // U+FE0F only as the second half of a widened symbol's cell.
                String alone = cell.length() == 2 && cell.charAt(1) == SafeText.WIDEN ? cell.substring(0, 1) : cell;
                assertTrue(alone.codePoints().allMatch(cp -> Character.getType(cp) != Character.NON_SPACING_MARK
                        && Character.getType(cp) != Character.FORMAT && (cp < 0xFE00 || cp > 0xFE0F)),
                        "stray zero-width cell on row " + r + ":\n" + ui.text());
            }
        }
        assertTrue(ui.row("zalgo").matches(String.format(pane, "\u00e9 zalgo")), ui.text()); // e + acute: one letter
        assertTrue(ui.row("family").matches(String.format(pane, "family \uD83D\uDC68\uD83D\uDC69\uD83D\uDC67 end")), ui.text());
        assertTrue(ui.row("tea").matches(String.format(pane, "ok \u2705\uFE0F tea \u2615\uFE0F math A wave \uD83D\uDC4B")), ui.text());
        assertTrue(ui.text().lines().anyMatch(r -> r.matches(" *│ {6}(\u2705\uFE0F){20,} *│.*")), ui.text()); // wrapped whole
        assertTrue(ui.row("abc").matches(String.format(pane, "abcdefghij")), ui.text());
    }

    @Test
    void quitLeavesEveryRoomAndEnds() throws Exception {
        chatIn("lobby");
        ui.line("/quit");
        ui.awaitCondition(() -> fake.shutdown, "the network layer shut down");
        ui.awaitCondition(() -> !ui.ui.isRunning(), "the UI stopped");
    }

    @Test
    void ctrlQQuitsFromTheConnectScreen() throws Exception {
        connectScreen();
        ui.await("Connect to a server");
        ui.ctrl('q');
        ui.awaitCondition(() -> !ui.ui.isRunning(), "the UI stopped");
    }

    @Test
    void ctrlQDoesNotWaitBehindAJoinTheServerNeverAnswers() throws Exception {
        chatIn("lobby");
        fake.hang.add("silent");
        ui.line("/join silent");
        ui.await("joining silent...");
        ui.ctrl('q');
        ui.awaitCondition(() -> !ui.ui.isRunning(), "the UI stopped");
        assertTrue(fake.shutdown, "the network layer was shut down");
    }

    @Test
    void ctrlQDoesNotWaitBehindAConnectTheServerNeverAnswers() throws Exception {
        fake.hangList = true;
        connectScreen();
        ui.await("Connect to a server");
        ui.line("alice");
        ui.await("connecting to");
        ui.ctrl('q');
        ui.awaitCondition(() -> !ui.ui.isRunning(), "the UI stopped");
        assertTrue(fake.shutdown, "the half-open connection was shut down");
    }

    @Test
    void flashWithMarksAndEmojiStaysRightAlignedOnTheStatusLine() throws Exception {
        chatIn("lobby");
        String room = "e\u0301\u0301\u0301ok\uD83D\uDC4D\uD83C\uDFFD";
        fake.hang.add(room); // the join never answers, so its flash stays up
        ui.line("/join " + room);
        ui.await("ok\uD83D\uDC4D...");
        String status = ui.row("ok\uD83D\uDC4D...");
        assertTrue(status.contains("[connected] · lobby") && status.contains("joining \u00e9ok\uD83D\uDC4D..."), ui.text());
        // One bar cell after the flash, as with "F1 help": nothing shifted by uncounted marks.
        assertEquals(SIZE.getColumns() - 2, UiHarness.lastColumnOf(status, '.'), ui.text());
    }

    @Test
    void leaveSendsLeaveAndDropsTheRoom() throws Exception {
        chatIn("one");
        ui.line("/join two");
        ui.await("you joined two");
        ui.line("/leave");
        ui.awaitGone("2 two");
        ui.awaitCondition(() -> fake.calls.contains("leave two"), "Leave sent");
        ui.await("one >");
        ui.line("/join one"); // already in it: no second join, just shown
        ui.await("one >");
        assertEquals(2, fake.entered.size());
    }

    @Test
    void failedStartingJoinShowsTheLobbyWithTheReason() throws Exception {
        fake.refuse.add("secret");
        ui = new UiHarness(a -> fake, new ClientApp.Start(new ClientSettings("127.0.0.1", 9090, 9091, "alice"),
                Optional.empty(), Optional.of("secret"), Optional.empty()), dir, SIZE);
        ui.await("cannot join secret: wrong password for secret");
        ui.await("rooms on 127.0.0.1:9090");
    }

    @Test
    void controlCharactersInMessagesAreNotSentToTheTerminal() throws Exception {
        chatIn("lobby");
        message("lobby", 1, "bob", "evil\u001b[2Jtext\u009b31m");
        ui.await("evil?[2Jtext?31m");
        assertNotNull(ui.row("bob:"));
    }

    @Test
    void helpScrollsWhenTheScreenIsShort() throws Exception {
        chatIn("lobby");
        ui.terminal.setTerminalSize(new TerminalSize(80, 24));
        ui.key(KeyType.F1);
        ui.await("Down: more");
        for (int i = 0; i < 8; i++) {
            ui.key(KeyType.ArrowDown);
        }
        ui.await("/close [REASON]");
        ui.await("Up: back");
        ui.key(KeyType.Escape);
        ui.awaitGone("/close [REASON]");
    }

    @Test
    void helpBoxIsFramedAndNoChatTextShowsInsideOrAtItsEdges() throws Exception {
        chatIn("lobby");
        ui.terminal.setTerminalSize(new TerminalSize(80, 24));
        for (int i = 1; i <= 30; i++) {
            message("lobby", i, "bob", "\u00a4".repeat(120)); // a mark the help never uses, filling the pane
        }
        ui.await("\u00a4\u00a4\u00a4");
        ui.key(KeyType.F1);
        String s = ui.awaitScreen(t -> t.contains("Alt+A") && t.contains("\u2518"), "the framed help");
        String[] rows = s.split("\n");
        int top = -1;
        int bottom = -1;
        for (int r = 0; r < rows.length; r++) {
            top = top < 0 && rows[r].contains("Help") ? r : top;
            bottom = rows[r].contains("\u2514") ? r : bottom;
        }
        assertTrue(top >= 0 && bottom > top, s);
        int left = rows[bottom].indexOf('\u2514'); // ASCII and box lines only on that row: index = column
        int right = rows[bottom].indexOf('\u2518');
        assertTrue(left > 0 && right > left, s);
        // The help fills nearly all of 80x24: whatever is left of the rows it spans is blank, edges included.
        for (int r = Math.max(0, top - 1); r <= Math.min(rows.length - 1, bottom + 1); r++) {
            for (int col = 0; col < 80; col++) {
                String cell = ui.terminal.getCharacter(col, r).getCharacterString();
                boolean margin = col < left || col > right || r < top || r > bottom;
                boolean side = r > top && r < bottom && (col == left || col == right);
                assertTrue(!margin || cell.equals(" "), "row " + r + " column " + col + " is not blank:\n" + s);
                assertTrue(!side || cell.equals("\u2502"), "row " + r + " column " + col + " is not the frame:\n" + s);
                assertFalse(cell.equals("\u00a4"), "chat text inside the help box, row " + r + ":\n" + s);
            }
        }
        assertTrue(rows[top].substring(left).startsWith("┌─ Help ─"), s); // the title in the top border
        assertTrue(rows[top].substring(right).startsWith("┐"), s); // and its corner
        ui.type("x");
        ui.awaitGone("Alt+A");
    }

    @Test
    void historyFromBeforeWeJoinedIsShownAboveTheJoinLine() throws Exception {
        chatIn("lobby");
        long past = System.currentTimeMillis() - 3_600_000;
        fake.emit(new NetEvent.Message("lobby", 1, past, false, "bob", "said an hour ago", true));
        message("lobby", 2, "bob", "said just now");
        String s = ui.await("said just now");
        int history = s.indexOf("said an hour ago");
        int joined = s.indexOf("you joined lobby");
        int live = s.indexOf("said just now");
        assertTrue(history >= 0 && history < joined && joined < live, s);
    }

    @Test
    void aLiveMessageGoesBelowTheJoinLineEvenWhenOurClockIsAheadOfTheServers() throws Exception {
        chatIn("lobby");
        long serverTime = System.currentTimeMillis() - 120_000; // this machine's clock runs 2 minutes fast
        fake.emit(new NetEvent.Message("lobby", 1, serverTime, false, "bob", "live but stamped earlier"));
        String s = ui.await("live but stamped earlier");
        assertTrue(s.indexOf("you joined lobby") < s.indexOf("live but stamped earlier"), s);
    }

    @Test
    void anEndedRoomsMemberListIsMarkedEndedAndDimmed() throws Exception {
        chatIn("lobby");
        fake.emit(new NetEvent.Members("lobby", List.of(new Packet.Member("bob", true, false),
                new Packet.Member("alice", false, false), new Packet.Member("carol", false, false))));
        ui.await("Members 3");
        Theme dark = Theme.load("dark");
        assertEquals(dark.colourOf("carol"), memberNameColour("carol"));
        fake.emit(new NetEvent.Ended("lobby", Optional.of(EndReason.KICKED), "kicked by bob"));
        String s = ui.await("│ Were here");
        assertFalse(s.contains("Members 3"), s);
        ui.awaitCondition(() -> dark.dim().equals(memberNameColour("carol")), "carol drawn in the dim colour");
        assertEquals(dark.dim(), memberNameColour("bob"));
        ui.line("/members");
        ui.await("3 were in lobby when it ended: @bob, alice, carol");
    }

    /** The foreground colour of {@code name} in the member column (right of the last border). */
    private com.googlecode.lanterna.TextColor memberNameColour(String name) {
        String[] rows = ui.text().split("\n");
        for (int r = 0; r < rows.length; r++) {
            int border = UiHarness.lastColumnOf(rows[r], '│');
            int at = rows[r].lastIndexOf(name);
            if (border >= 0 && at > rows[r].lastIndexOf('│')) {
                return ui.terminal.getCharacter(border + 3, r).getForegroundColor();
            }
        }
        throw new AssertionError(name + " is not in the member column:\n" + ui.text());
    }
}
