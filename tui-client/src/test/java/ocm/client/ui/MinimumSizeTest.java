package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import ocm.client.config.ClientSettings;
import ocm.client.net.ClientException;
import com.googlecode.lanterna.input.KeyType;
import java.util.Optional;
import ocm.protocol.tcrp.RoomListing.RoomSummary;
import org.junit.jupiter.api.Test;

/** One minimum for every screen, 60x12, and the too-small message names it. */
class MinimumSizeTest extends ScreenTest {
    private static final TerminalSize MIN = new TerminalSize(60, 12);

    @Test
    void theConnectScreenAndTheLobbyWorkAt60x12() throws Exception {
        fake.rooms.add(new RoomSummary("general", "bob", 3, false));
        ui = UiHarness.connectScreen(a -> fake, dir, MIN); // waits for "Connect to a server"
        String s = ui.text();
        assertFalse(s.contains("too small"), s);
        assertTrue(s.contains("Name") && s.contains("Esc quit"), s); // the whole form and the bottom bar
        ui.line("alice");
        s = ui.await("general");
        assertTrue(ui.row("general").contains("bob"), s);
        assertFalse(s.contains("too small"), s);
        assertTrue(s.contains("q back · F1 help"), "the lobby's keys, whole: " + s);
    }

    @Test
    void atTheMinimumALongConnectErrorWrapsWhole() throws Exception {
        ui = new UiHarness(a -> {
            throw new ClientException("cannot reach the server at 127.0.0.1:19590 (connection refused)");
        }, new ClientApp.Start(new ClientSettings("127.0.0.1", 19590, 9091, "alice"), Optional.empty(),
                Optional.empty(), Optional.empty()), dir, MIN);
        ui.await("Connect to a server");
        ui.key(KeyType.Enter);
        String s = ui.await("(connection refused)");
        assertTrue(s.contains("127.0.0.1:19590"), s);
    }

    @Test
    void atTheMinimumTheTitleKeepsTheUserAndServerWhole() throws Exception {
        ui = UiHarness.chatIn(fake, "one", dir, MIN);
        ui.line("/join a-really-quite-long-room-name-here");
        ui.await("2 a-really"); // joined, and the current room
        String title = ui.awaitScreen(t -> t.startsWith(" OCM · a-really"), "the new room's title").lines().findFirst().orElseThrow();
        assertTrue(title.contains("alice@127.0.0.1:9090"), "'" + title + "'");
    }

    @Test
    void belowTheMinimumEveryScreenSaysWhatItNeeds() throws Exception {
        fake.rooms.add(new RoomSummary("general", "bob", 3, false));
        ui = UiHarness.connectScreen(a -> fake, dir, MIN);
        ui.terminal.setTerminalSize(new TerminalSize(60, 11));
        ui.await("60x11, need 60x12");
        ui.terminal.setTerminalSize(MIN);
        ui.awaitGone("too small");
        ui.line("alice");
        ui.await("general");
        ui.terminal.setTerminalSize(new TerminalSize(59, 12));
        ui.await("59x12, need 60x12");
    }

    @Test
    void theBannerShowsWhenThereIsRoomForIt() throws Exception {
        ui = UiHarness.connectScreen(a -> fake, dir, new TerminalSize(80, 24));
        ui.await("Online Chat Messenger");
    }
}
