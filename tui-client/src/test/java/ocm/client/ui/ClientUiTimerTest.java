package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClientUiTimerTest {
    @Test
    void aTaskSetToRunLaterRunsOnceOnTheUiThread() throws Exception {
        TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(new TerminalSize(60, 12)));
        screen.startScreen();
        ClientUi ui = new ClientUi(screen, Theme.load("dark"));
        ui.start();
        try {
            CompletableFuture<String> ran = new CompletableFuture<>();
            ui.post(() -> ui.runAfter(1, () -> ran.complete(Thread.currentThread().getName())));
            assertEquals("ocm-ui", ran.get(10, TimeUnit.SECONDS));
        } finally {
            ui.stop();
            assertTrue(ui.awaitExit(10_000));
            screen.stopScreen();
        }
    }
}
