package ocm.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's view: OpenSSH in tmux against the gateway. The lobby shows, a room made over SSH
 * chats both ways with a seed-format client, /whois shows the fingerprint ssh-keygen -l prints,
 * and after a restart on the same data dir the host key is the same (StrictHostKeyChecking=yes
 * connects).
 */
class OpenSshTmuxTest {
    @TempDir
    Path dir;

    @Test
    void openSshInTmuxChatsWithASeedClientAndTheHostKeySurvivesARestart() throws Exception {
        Tmux.requireCommand("ssh");
        Tmux.requireCommand("ssh-keygen");
        Tmux.requireCommand("tmux");
        Path key = dir.resolve("id_ed25519");
        Tmux.Result made = Tmux.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        assertEquals(0, made.exit(), made.out());
        String fingerprint = Tmux.run(List.of("ssh-keygen", "-lf", key + ".pub")).out().split(" ")[1];
        Path data = Files.createDirectories(dir.resolve("data"));
        int sshPort = freePort();
        try (Tmux tmux = new Tmux()) {
            try (ChatServer server = server(data); SshGateway g = SshGateway.start(server, "127.0.0.1", sshPort, false, data)) {
                tmux.start("first", 100, 30, ssh(sshPort, key, "accept-new"));
                tmux.await("first", "you are alice");
                tmux.keys("first", "c");
                tmux.await("first", "Create a room");
                tmux.keys("first", "tmuxroom");
                tmux.key("first", "Enter");
                tmux.await("first", "you created tmuxroom");
                TcrpClient.Answer a = new TcrpClient(server.tcpPort()).join("tmuxroom", "seed");
                try (V1TestClient seed = new V1TestClient(server.udpPort(), "tmuxroom", a.admission().token())) {
                    seed.register();
                    tmux.await("first", "seed joined");
                    tmux.keys("first", "hello from openssh");
                    tmux.key("first", "Enter");
                    seed.awaitChat("alice", "hello from openssh", Duration.ofSeconds(15));
                    seed.sendText("hello from the seed");
                    tmux.await("first", "hello from the seed");
                }
                tmux.keys("first", "/whois alice");
                tmux.key("first", "Enter");
                String shown = tmux.await("first", fingerprint);
                assertTrue(shown.contains("owned by key"), shown);
            }
            // The same data dir, the same port: the known_hosts entry must still match.
            try (ChatServer server = server(data); SshGateway g = SshGateway.start(server, "127.0.0.1", sshPort, false, data)) {
                tmux.start("second", 100, 30, ssh(sshPort, key, "yes"));
                tmux.await("second", "you are alice");
            }
        }
    }

    private String ssh(int port, Path key, String strict) {
        return "ssh -p " + port + " -i " + Tmux.quote(key.toString()) + " -o IdentitiesOnly=yes -o IdentityAgent=none"
                + " -o UserKnownHostsFile=" + Tmux.quote(dir.resolve("known_hosts").toString())
                + " -o StrictHostKeyChecking=" + strict + " -o BatchMode=yes alice@127.0.0.1"
                + "; echo \"ssh exited with $?\"; sleep 600";
    }

    private static ChatServer server(Path data) throws Exception {
        return new ChatServer(ServerConfig.forTests().withHost("127.0.0.1").withPorts(0, 0).withDataDir(Optional.of(data))).start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
