package ocm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ocm.client.config.ClientSettings;
import ocm.client.config.SettingsStore;
import ocm.client.testing.FakeChatService;
import ocm.client.ui.ClientApp;
import ocm.client.ui.ClientUi;
import ocm.client.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shutdown hook restores the screen only after the UI thread, which owns it, has ended. */
class RestoreOnExitTest {
    @TempDir
    Path dir;

    /** A screen that notes, when it is stopped, whether the UI thread was still alive. */
    private static final class WatchedScreen extends TerminalScreen {
        final CompletableFuture<Boolean> uiAliveAtStop = new CompletableFuture<>();
        volatile Thread uiThread;

        WatchedScreen(DefaultVirtualTerminal t) throws java.io.IOException {
            super(t);
        }

        @Override
        public synchronized void stopScreen() throws java.io.IOException {
            uiAliveAtStop.complete(uiThread != null && uiThread.isAlive());
            super.stopScreen();
        }
    }

    @Test
    void hookStopsTheUiThreadBeforeTheScreen() throws Exception {
        WatchedScreen screen = new WatchedScreen(new DefaultVirtualTerminal(new TerminalSize(80, 24)));
        screen.startScreen();
        ClientUi ui = new ClientUi(screen, Theme.load("dark"));
        ClientApp app = new ClientApp(ui, a -> new FakeChatService(), new SettingsStore(dir.resolve("c.json")),
                List.of("OCM"), new ClientApp.Start(ClientSettings.DEFAULTS, Optional.empty(), Optional.empty(),
                Optional.empty()));
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ui.start();
        // The UI thread is in the middle of its work (as if in refresh()) when the hook runs.
        ui.post(() -> {
            screen.uiThread = Thread.currentThread();
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        Thread hook = new Thread(() -> ClientCommand.restoreOnExit(ui, screen, app), "ocm-restore");
        hook.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ui.isRunning() && !screen.uiAliveAtStop.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        release.countDown();
        hook.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(Boolean.FALSE, screen.uiAliveAtStop.getNow(null),
                "the screen was stopped while the UI thread could still be drawing on it");
        assertTrue(ui.awaitExit(10_000));
    }
}
