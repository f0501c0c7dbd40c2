package ocm.server;

import ocm.server.config.ServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ocm.server.admin.BanView;
import ocm.server.admin.RoomView;
import ocm.server.admin.UserView;
import ocm.server.testing.TcrpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, case 4: what an operator does is on disk when the console answers, so a kill -9 right
 * after it ({@link ChatServer#halt}) keeps it. The batch interval is an hour here: only the
 * operator's own save can have written it.
 */
class OperatorActionsSavedTest {
    @TempDir
    Path dir;

    private ChatServer start() throws Exception {
        return new ChatServer(ServerConfig.forTests().withDataDir(Optional.of(dir)).withSaveInterval(Duration.ofHours(1))).start();
    }

    @Test
    void banKickUnbanAndCloseSurviveAKillRightAfter() throws Exception {
        ChatServer server = start();
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        assertTrue(tcrp.create("lobby", "alice").ok());
        assertTrue(tcrp.join("lobby", "bob").ok());
        assertTrue(tcrp.join("lobby", "carol").ok());
        assertTrue(tcrp.create("attic", "dave").ok());
        server.admin().save();

        server.admin().ban("lobby", "bob", "spam");
        server.halt();
        server = start();
        assertEquals(List.of("bob"), server.admin().bans("lobby").stream().map(BanView::name).toList());

        server.admin().kick("lobby", "carol", "calm down");
        server.halt();
        server = start();
        assertEquals(List.of("alice"), server.admin().users(Optional.of("lobby")).stream().map(UserView::name).toList());

        server.admin().unban("lobby", "bob");
        server.halt();
        server = start();
        assertTrue(server.admin().bans("lobby").isEmpty());

        server.admin().close("attic", "maintenance");
        server.halt();
        server = start();
        try {
            List<String> rooms = server.admin().rooms().stream().map(RoomView::name).toList();
            assertEquals(List.of("lobby"), rooms);
            assertFalse(rooms.contains("attic"));
        } finally {
            server.close();
        }
    }
}
