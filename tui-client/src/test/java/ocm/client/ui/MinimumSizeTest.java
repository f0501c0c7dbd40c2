package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import java.nio.file.Path;
import ocm.client.testing.FakeChatService;
import ocm.protocol.tcrp.RoomListing.RoomSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One minimum for every screen, 60x12, and the too-small message names it. */
class MinimumSizeTest {
    private static final TerminalSize MIN = new TerminalSize(60, 12);
    @TempDir
    Path dir;
    private final FakeChatService fake = new FakeChatService();
    private UiHarness ui;

    @AfterEach
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

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
