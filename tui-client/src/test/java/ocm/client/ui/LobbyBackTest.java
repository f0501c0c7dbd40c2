package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ocm.protocol.tcrp.RoomListing.RoomSummary;
import org.junit.jupiter.api.Test;

/** The lobby's "Esc/q back": to the connect screen when it was opened from there, to the chat from F2. */
class LobbyBackTest extends ScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    private void toLobby() throws Exception {
        fake.rooms.add(new RoomSummary("general", "bob", 3, false));
        ui = UiHarness.connectScreen(a -> fake, dir, SIZE);
        ui.line("alice");
        ui.await("rooms on 127.0.0.1:9090");
    }

    @Test
    void escInTheLobbyAfterConnectingGoesBackToTheConnectScreenWithItsValues() throws Exception {
        toLobby();
        ui.key(KeyType.Escape);
        String s = ui.await("Connect to a server");
        assertTrue(ui.ui.isRunning(), "the client is still running");
        assertTrue(s.contains("alice") && s.contains("127.0.0.1") && s.contains("9091"), s);
        ui.awaitCondition(() -> fake.shutdown, "the unused connection closed");
        ui.key(KeyType.Enter); // connects again with the same values
        ui.await("rooms on 127.0.0.1:9090");
        ui.await("general");
    }

    @Test
    void qInTheLobbyAfterConnectingGoesBackToo() throws Exception {
        toLobby();
        ui.type("q");
        ui.await("Connect to a server");
        assertTrue(ui.ui.isRunning(), "the client is still running");
        ui.key(KeyType.Escape); // the connect screen's Esc still quits
        ui.awaitCondition(() -> !ui.ui.isRunning(), "the UI stopped");
    }

    @Test
    void escInTheLobbyOpenedWithF2GoesBackToTheChat() throws Exception {
        toLobby();
        ui.key(KeyType.Enter);
        ui.await("you joined general");
        ui.key(KeyType.F2);
        ui.await("rooms on 127.0.0.1:9090");
        ui.key(KeyType.Escape);
        ui.await("general >");
        assertTrue(ui.ui.isRunning());
    }
}
