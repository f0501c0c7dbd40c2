package ocm.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import ocm.client.testing.Tmux;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real client in a real terminal (tmux): it draws, takes keys, and gives the terminal back. */
class TmuxSmokeTest {
    @TempDir
    Path dir;

    @Test
    void connectScreenDrawsInTmuxAndCtrlQRestoresTheTerminal() throws Exception {
        try (Tmux tmux = Tmux.require();
             ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            tmux.start("c", 90, 26, Tmux.clientCommand(dir.toString(), "--name", "alice",
                    "--tcp-port", String.valueOf(silent.getLocalPort()), "--udp-port", "9"));
            tmux.await("c", "Online Chat Messenger");
            tmux.await("c", "Connect to a server");
            tmux.await("c", "Name      alice"); // the screen may still be drawing: wait, never assume
            tmux.key("c", "C-q");
            String s = tmux.await("c", "client exited with 0");
            assertTrue(!s.contains("Connect to a server"), "the full screen was not taken down:\n" + s);
        }
    }
}
