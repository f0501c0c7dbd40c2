package ocm.client.ui;

import com.googlecode.lanterna.TerminalSize;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import ocm.client.config.ClientSettings;
import ocm.client.net.ChatClient;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status line and the room while an embedded server stops and comes back, with the room or without. */
class ServerStopScreenTest {
    @TempDir
    Path dir;

    @Test
    void gracefulStopShowsOnTheStatusLineAtOnceAndTheRoomComesBack() throws Exception {
        ServerConfig config = ServerConfig.forTests().withDataDir(Optional.of(dir.resolve("state")));
        ChatServer first = new ChatServer(config).start();
        ChatServer second = null;
        AtomicReference<ChatClient> client = new AtomicReference<>();
        ClientSettings values = new ClientSettings("127.0.0.1", first.tcpPort(), first.udpPort(), "alice");
        UiHarness ui = new UiHarness(a -> {
            client.set(new ChatClient(a));
            return client.get();
        }, new ClientApp.Start(values, Optional.of("den"), Optional.empty(), Optional.empty()), dir,
                new TerminalSize(100, 30));
        try {
            ui.await("you created den");
            ui.await("[connected]");
            first.close();
            // Well before a failed ping could say "no answer" (15 s): the server said it is stopping.
            ui.await("[server stopped, waiting for it]");
            ui.await("the server is shutting down; waiting for it to come back");
            second = new ChatServer(config.withPorts(values.tcpPort(), values.udpPort())).start();
            ui.await("registered again with the server; back in the room");
            ui.await("[connected]");
        } finally {
            ui.close();
            if (client.get() != null) {
                client.get().shutdown();
            }
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    /** Issue 13, finding 3: a server back on an empty data dir turns the room read-only, saying why. */
    @Test
    void aServerBackWithoutTheRoomTurnsItReadOnlyWithTheReason() throws Exception {
        ChatServer first = new ChatServer(ServerConfig.forTests().withDataDir(Optional.of(dir.resolve("a")))).start();
        ChatServer second = null;
        AtomicReference<ChatClient> client = new AtomicReference<>();
        ClientSettings values = new ClientSettings("127.0.0.1", first.tcpPort(), first.udpPort(), "alice");
        UiHarness ui = new UiHarness(a -> {
            client.set(new ChatClient(a));
            return client.get();
        }, new ClientApp.Start(values, Optional.of("lobby"), Optional.empty(), Optional.empty()), dir,
                new TerminalSize(160, 30)); // wide: the lines below fit unwrapped
        try {
            ui.await("you created lobby");
            ui.await("[connected]");
            first.close();
            ui.await("[server stopped, waiting for it]");
            ui.line("typed while it was away");
            ui.await("typed while it was away (sending)");
            second = new ChatServer(ServerConfig.forTests().withDataDir(Optional.of(dir.resolve("b")))
                    .withPorts(values.tcpPort(), values.udpPort())).start();
            ui.await("lobby no longer exists on the server - this room is now read-only");
            ui.await("typed while it was away [not delivered: the room no longer exists on the server]");
            ui.await("[ended] · lobby");
            ui.await("(read-only) >");
        } finally {
            ui.close();
            if (client.get() != null) {
                client.get().shutdown();
            }
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }
}
