package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import ocm.client.net.NetEvent;
import org.junit.jupiter.api.Test;

/** The status line's passing note ("left two"): set apart from the status, gone when its time is up or on a room switch. */
class StatusNoteTest extends ScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    private void leaveTwoOfThree() throws Exception {
        ui = UiHarness.chatIn(fake, "one", dir, SIZE);
        ui.line("/join two");
        ui.await("you joined two");
        ui.line("/join three");
        ui.await("you joined three");
        ui.alt('2');
        ui.await("two >");
        ui.line("/leave");
        ui.await("left two");
    }

    @Test
    void aNoteIsSetApartFromTheStatusAndGoesWhenItsTimeIsUp() throws Exception {
        leaveTwoOfThree();
        String status = ui.row("left two");
        assertTrue(status.matches(" \\[connected\\] · three +│ left two +"), status);
        ui.ui.post(ui.app::expireFlash); // what the timer runs after ClientApp.FLASH_MILLIS
        ui.awaitGone("left two");
        assertTrue(ui.row("[connected]").contains("F1 help"), ui.text());
    }

    @Test
    void atTheMinimumWidthALongNoteIsCutBeforeTheStatusLosesItsRoomName() throws Exception {
        ui = UiHarness.chatIn(fake, "first", dir, new TerminalSize(60, 12));
        // Lines waiting make the status long: the note must be cut to fit.
        fake.emit(new NetEvent.Status("first", NetEvent.LinkState.LIVE, 12, 5));
        ui.line("/join lengthy-room");
        ui.await("you joined lengthy-room");
        ui.line("/leave");
        String screen = ui.await("│ left");
        assertTrue(ui.row("│ left").matches(" \\[connected\\] · sending 5 more… · first +│ left lengthy-r.*"), "the room name stays whole:\n" + screen);
    }

    @Test
    void withTooLittleRoomTheNoteIsLeftOutAndTheRoomNameStaysWhole() throws Exception {
        // Long enough that the status leaves too little for a note; too long to fit the pane on one line.
        String first = "abcdefghijklmnopqrstuvwxyz-abcdefghijklm";
        ui = new UiHarness(a -> fake, new ClientApp.Start(new ocm.client.config.ClientSettings("127.0.0.1", 9090, 9091,
                "alice"), java.util.Optional.empty(), java.util.Optional.of(first), java.util.Optional.empty()),
                dir, new TerminalSize(60, 12));
        ui.await("[connected]");
        ui.line("/join other-room-with-a-long-name");
        ui.await("2 other-ro…"); // in the room list (cut with an ellipsis): joined
        ui.line("/leave"); // back in the first room, with a long "left ..." note pending
        String screen = ui.await("abcdefghijklmnopq >");
        String status = ui.row("[connected]");
        assertTrue(status.matches(".*· " + first + " +"), "the room name whole, no stub of a note:\n" + screen);
    }

    @Test
    void aLongRoomNameIsCutInThePromptButItsSeparatorStays() throws Exception {
        String room = "a-room-whose-name-is-longer-than-a-third-of-the-screen";
        ui = UiHarness.chatIn(fake, room, dir, new TerminalSize(120, 30));
        String input = ui.text().lines().reduce((a, b) -> b).orElseThrow(); // the last row: the input line
        assertTrue(input.startsWith(room.substring(0, 37) + " > "), "'" + input + "'");
    }

    @Test
    void aNoteGoesWhenTheUserSwitchesRoom() throws Exception {
        leaveTwoOfThree();
        ui.alt('2'); // room three, now second
        ui.await("three >");
        ui.awaitGone("left two");
    }

    @Test
    void aJoinUnderWayStaysUntilItEnds() throws Exception {
        ui = UiHarness.chatIn(fake, "one", dir, SIZE);
        fake.hang.add("silent");
        ui.line("/join silent");
        ui.await("│ joining silent...");
        ui.ui.post(ui.app::expireFlash);
        ui.alt('1');
        String s = ui.await("one >");
        assertTrue(s.contains("joining silent..."), s);
        assertFalse(s.contains("F1 help"), s);
    }
}
