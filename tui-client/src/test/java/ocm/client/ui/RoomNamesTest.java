package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import ocm.protocol.tcrp.RoomListing.RoomSummary;
import org.junit.jupiter.api.Test;

/**
 * Finding 7 of issue 13: room names are completed from a fresh room list, asked for in the
 * background while a room name is typed, never twice at once.
 */
class RoomNamesTest extends ScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    private List<String> knownOnUi() throws Exception {
        CompletableFuture<List<String>> f = new CompletableFuture<>();
        ui.ui.post(() -> f.complete(ui.app.knownRoomNames()));
        return f.get(2, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier ok, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aRoomMadeSinceTheLobbyWasOpenIsCompleted() throws Exception {
        fake.rooms.add(new RoomSummary("general", "bob", 3, false));
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        fake.rooms.add(new RoomSummary("newroom-since", "carol", 1, false)); // made after we connected
        ui.type("/join new");
        await(() -> {
            try {
                return knownOnUi().contains("newroom-since");
            } catch (Exception e) {
                return false;
            }
        }, "the fresh list reached the chat screen");
        ui.key(KeyType.Tab);
        ui.await("lobby > /join newroom-since");
    }

    @Test
    void neverASecondRoomListWhileOneIsOnItsWay() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        int before = fake.listCalls.get();
        fake.hangList = true; // the next list does not come back
        ui.type("/join ab");
        await(() -> fake.listCalls.get() == before + 1, "one list asked for");
        ui.key(KeyType.Tab);
        ui.key(KeyType.Tab);
        ui.type("cd");
        ui.await("lobby > /join abcd");
        assertEquals(before + 1, fake.listCalls.get(), "typing and Tab while one is on its way ask for no other");
    }
}
