package ocm.server.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import ocm.protocol.tcrp.Admission;
import ocm.server.ChatServer;
import ocm.server.admin.UserView;
import ocm.server.config.ServerConfig;

/**
 * A live server with room "lobby" and three registered members: alice (host, v2), bob (v2) and
 * carol (v1, the seed's protocol). The fixture of the admin and console tests.
 */
public final class ThreeMemberLobby implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);

    public final ChatServer server;
    public final TcrpClient tcrp;
    public final V2TestClient alice;
    public final V2TestClient bob;
    public final V1TestClient carol;

    private ThreeMemberLobby(ChatServer server, TcrpClient tcrp, V2TestClient alice, V2TestClient bob, V1TestClient carol) {
        this.server = server;
        this.tcrp = tcrp;
        this.alice = alice;
        this.bob = bob;
        this.carol = carol;
    }

    /** Starts the server on {@code dataDir} and returns once all three members are registered. */
    public static ThreeMemberLobby start(Path dataDir) throws Exception {
        ChatServer server = new ChatServer(ServerConfig.forTests().withDataDir(Optional.of(dataDir))).start();
        TcrpClient tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create("lobby", "alice", Optional.empty(), 2).admission();
        Admission b = tcrp.join("lobby", "bob", Optional.empty(), 2).admission();
        Admission c = tcrp.join("lobby", "carol").admission();
        ThreeMemberLobby lobby = new ThreeMemberLobby(server, tcrp,
                new V2TestClient(server.udpPort(), "lobby", a.token()),
                new V2TestClient(server.udpPort(), "lobby", b.token()),
                new V1TestClient(server.udpPort(), "lobby", c.token()));
        lobby.alice.register();
        lobby.bob.register();
        lobby.carol.register();
        lobby.alice.awaitRegistered(WAIT);
        lobby.bob.awaitRegistered(WAIT);
        lobby.awaitUser("lobby", "carol registered over v1", u -> u.name().equals("carol") && u.protocol() == 1);
        return lobby;
    }

    /** Waits until some member of {@code room} matches, as the admin view shows it. */
    public void awaitUser(String room, String what, Predicate<UserView> p) {
        Waiting.await(what).until(() -> server.admin().users(Optional.of(room)).stream().anyMatch(p));
    }

    @Override
    public void close() {
        alice.close();
        bob.close();
        carol.close();
        server.close();
    }
}
