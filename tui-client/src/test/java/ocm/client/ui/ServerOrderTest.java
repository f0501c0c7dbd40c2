package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import ocm.client.net.NetEvent;
import org.junit.jupiter.api.Test;

/**
 * Finding 6 of issue 13: our own line, shown as typed, takes the place the server gave it once
 * accepted, so lines typed while the server was away read in one order for every member.
 */
class ServerOrderTest extends ScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    private int rowOf(String text) {
        String[] rows = ui.text().split("\n");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no row shows " + text + ":\n" + ui.text());
    }

    @Test
    void ourLineMovesAfterAnotherMembersLineTheServerTookFirst() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.line("mine, typed first");
        ui.await("mine, typed first (sending)");
        // The server took bob's line first (id 10), ours after it (id 11).
        fake.emit(new NetEvent.Message("lobby", 10, System.currentTimeMillis(), false, "bob", "bob's, taken first"));
        ui.await("bob's, taken first");
        assertTrue(rowOf("mine, typed first") < rowOf("bob's, taken first"), "as typed, before the server answers");
        fake.emit(new NetEvent.Delivered("lobby", fake.sent.get(0).id(), 11, System.currentTimeMillis()));
        ui.awaitGone("(sending)");
        assertTrue(rowOf("bob's, taken first") < rowOf("mine, typed first"), "in the server's order:\n" + ui.text());
    }

    @Test
    void ourLineStaysWhereItIsWhenTheServerTookItFirst() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.line("mine");
        ui.await("mine (sending)");
        fake.emit(new NetEvent.Message("lobby", 10, System.currentTimeMillis(), false, "bob", "bob's line"));
        ui.await("bob's line");
        fake.emit(new NetEvent.Delivered("lobby", fake.sent.get(0).id(), 9, System.currentTimeMillis()));
        ui.awaitGone("(sending)");
        assertTrue(rowOf("mine") < rowOf("bob's line"), ui.text());
    }
}
