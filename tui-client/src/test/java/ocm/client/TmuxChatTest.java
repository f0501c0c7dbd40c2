package ocm.client;

import java.nio.file.Path;
import ocm.client.testing.Tmux;
import ocm.server.ChatServer;
import ocm.server.ServerConfig;
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
}
