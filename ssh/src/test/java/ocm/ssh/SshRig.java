package ocm.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/** A chat server on port 0 with its SSH gateway, and an SSH client to reach it; everything stopped at close. */
final class SshRig implements AutoCloseable {
    final Path dir;
    final ChatServer server;
    final SshGateway gateway;
    final SshClient client;

    SshRig(boolean guests) throws IOException {
        dir = Files.createTempDirectory("ocm-ssh-test");
        server = new ChatServer(ServerConfig.forTests().withHost("127.0.0.1").withPorts(0, 0).withDataDir(Optional.of(dir))).start();
        gateway = SshGateway.start(server, "127.0.0.1", 0, guests, dir);
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    static KeyPair newKey() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    SshUser open(String name, KeyPair key, int columns, int rows) throws IOException {
        return SshUser.open(client, gateway.port(), name, key, columns, rows);
    }

    @Override
    public void close() throws Exception {
        client.stop();
        gateway.close();
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
