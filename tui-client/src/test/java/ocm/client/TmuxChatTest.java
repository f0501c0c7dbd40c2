package ocm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ocm.client.testing.Tmux;
import ocm.client.ui.CellWidth;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real full-screen clients in tmux chatting through an embedded server. */
class TmuxChatTest {
    @TempDir
    Path dir;

    @Test
    void twoClientsInRealTerminalsChat() throws Exception {
        try (Tmux tmux = Tmux.require(); ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            String tcp = String.valueOf(server.tcpPort());
            String udp = String.valueOf(server.udpPort());
            tmux.start("alice", 100, 26, Tmux.clientCommand(dir.resolve("a").toString(), "--name", "alice",
                    "--tcp-port", tcp, "--udp-port", udp, "--create", "tmuxroom"));
            tmux.await("alice", "you created tmuxroom");
            tmux.await("alice", "[connected]");
            tmux.start("bob", 80, 24, Tmux.clientCommand(dir.resolve("b").toString(), "--name", "bob",
                    "--tcp-port", tcp, "--udp-port", udp));
            tmux.await("bob", "Connect to a server");
            tmux.key("bob", "Enter");
            tmux.await("bob", "tmuxroom");
            tmux.key("bob", "Enter"); // join the selected (only) room from the lobby
            tmux.await("bob", "you joined tmuxroom");
            tmux.await("alice", "bob joined");
            tmux.keys("bob", "hello alice, 你好");
            tmux.key("bob", "Enter");
            tmux.await("alice", "bob: hello alice, 你好");
            // Emoji reach the real terminal whole (not as "??"), and every border stays in its column.
            // Long enough to wrap, so the text meets the right border.
            tmux.keys("bob", "wave \uD83D\uDC4B ok \u2705 tea \u2615 fam \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 "
                    + "\u2705\u2615\uD83D\uDE00".repeat(30) + " end");
            tmux.key("bob", "Enter");
            String screen = tmux.await("alice", " end");
            assertTrue(screen.contains("wave \uD83D\uDC4B ok \u2705"), screen);
            assertBordersLineUp(screen);
            assertBordersLineUp(tmux.capture("bob"));
            tmux.keys("alice", "hi bob");
            tmux.key("alice", "Enter");
            tmux.await("bob", "alice: hi bob");
            tmux.await("bob", "@alice");
            tmux.key("alice", "C-q");
            tmux.await("alice", "client exited with 0");
            tmux.await("bob", "room closed: host left");
            tmux.key("bob", "C-c");
            tmux.await("bob", "client exited with 0");
        }
    }

    /** Every row with a pane border has both, in the same screen columns, as tmux lays the cells out. */
    private static void assertBordersLineUp(String screen) {
        Set<List<Integer>> columns = new HashSet<>();
        for (String row : screen.split("\n")) {
            List<Integer> borders = new ArrayList<>();
            int col = 0;
            for (int i = 0; i < row.length(); ) {
                int cp = row.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '│') {
                    borders.add(col);
                }
                col += cp == 0xFE0F || cp == 0x200D ? 0 : CellWidth.terminal(cp);
            }
            if (!borders.isEmpty()) {
                columns.add(borders);
            }
        }
        assertEquals(1, columns.size(), "borders at " + columns + ":\n" + screen);
    }
}
