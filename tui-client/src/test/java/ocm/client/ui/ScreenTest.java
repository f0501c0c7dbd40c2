package ocm.client.ui;

import java.nio.file.Path;
import ocm.client.testing.FakeChatService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the screen tests on Lanterna's virtual terminal share: a folder for the client's saved
 * settings, a fake network layer, and the harness a test starts, closed after it.
 */
abstract class ScreenTest {
    @TempDir
    Path dir;
    final FakeChatService fake = new FakeChatService();
    UiHarness ui;

    @AfterEach
    void closeUi() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }
}
