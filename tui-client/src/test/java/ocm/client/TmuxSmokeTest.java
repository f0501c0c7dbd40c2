package ocm.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import ocm.client.net.ChatClient;
import ocm.client.net.RoomRequest;
import ocm.client.net.ServerAddress;
import ocm.client.testing.Tmux;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
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

    @Test
    void aMentionRingsTheBellOfTheRealTerminalAndTheRoomIsLogged() throws Exception {
        try (Tmux tmux = Tmux.require(); ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            tmux.start("c", 90, 26, Tmux.clientCommand(dir.toString(), "--name", "alice",
                    "--tcp-port", String.valueOf(server.tcpPort()), "--udp-port", String.valueOf(server.udpPort()),
                    "--create", "bells"));
            tmux.await("c", "[connected]");
            ChatClient bob = new ChatClient(new ServerAddress("127.0.0.1", server.tcpPort(), server.udpPort()));
            try {
                bob.enter(RoomRequest.join("bells", "bob", Optional.empty()));
                tmux.await("c", "bob joined");
                assertTrue(tmux.format("c", "#{window_bell_flag}").equals("0"), "no bell before the mention");
                bob.send("bells", "no bell for this", false);
                tmux.await("c", "bob: no bell for this");
                assertTrue(tmux.format("c", "#{window_bell_flag}").equals("0"), "a line that names nobody rang the bell");
                bob.send("bells", "alice: are you there?", false);
                tmux.await("c", "bob: alice: are you there?");
                tmux.awaitFormat("c", "#{window_bell_flag}", "1");
            } finally {
                bob.shutdown();
            }
            tmux.key("c", "C-q");
            tmux.await("c", "client exited with 0");
            Path log = dir.resolve("data").resolve("ocm").resolve("logs").resolve("127%2E0%2E0%2E1%3A" + server.tcpPort())
                    .resolve("bells.log");
            String logged = Files.readString(log);
            assertTrue(logged.contains(" bob: alice: are you there?\n") && logged.contains(" -- bob joined\n"), logged);
        }
    }

    @Test
    void afterGrowingTheTerminalQuittingLeavesNoLineOfTheScreenBehind() throws Exception {
        try (Tmux tmux = Tmux.require();
             ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            tmux.start("g", 80, 24, Tmux.clientCommand(dir.toString(), "--name", "alice",
                    "--tcp-port", String.valueOf(silent.getLocalPort()), "--udp-port", "9"));
            tmux.await("g", "Name      alice");
            tmux.resize("g", 100, 30);
            tmux.awaitFormat("g", "#{window_height}", "30");
            tmux.await("g", "Connect to a server");
            tmux.key("g", "C-q");
            String s = tmux.await("g", "client exited with 0");
            assertTrue(s.strip().equals("client exited with 0"), "the full screen left lines behind:\n" + s);
        }
    }
}
