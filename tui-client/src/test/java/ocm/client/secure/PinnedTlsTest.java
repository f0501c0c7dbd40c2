package ocm.client.secure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.client.ClientCommand;
import ocm.client.config.SettingsStore;
import ocm.client.net.ClientException;
import ocm.client.net.RoomRequest;
import ocm.client.net.TcrpClient;
import ocm.protocol.identity.Fingerprint;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import ocm.server.tls.ServerIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The client's TLS: first contact pins, a changed key is refused, a deliberately accepted key replaces the pin. */
class PinnedTlsTest {
    /** Some other server's key. */
    private static final Fingerprint OTHER = Fingerprint.of(new byte[] {1, 2, 3});

    @TempDir
    Path dir;

    private Path pins() {
        return dir.resolve(PinnedTls.FILE_NAME);
    }

    private static TcrpClient tcrp(int port, PinnedTls tls) {
        return new TcrpClient("127.0.0.1", port, 5_000, 10_000, tls);
    }

    @Test
    void firstContactPinsTheKeyMode600AndSaysSoThenTheSameKeyMatchesQuietly() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            List<String> notices = new ArrayList<>();
            PinnedTls tls = new PinnedTls(pins(), Optional.empty(), notices::add);
            tcrp(server.tcpPort(), tls).enter(RoomRequest.create("lobby", "alice", Optional.empty()));
            String fp = server.tlsIdentity().fingerprint().toString();
            assertEquals(1, notices.size());
            assertTrue(notices.get(0).contains(fp) && notices.get(0).contains("first connection"), notices.get(0));
            assertEquals("127.0.0.1:" + server.tcpPort() + " " + fp, Files.readString(pins()).strip());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pins())));
            tcrp(server.tcpPort(), tls).enter(RoomRequest.join("lobby", "bob", Optional.empty()));
            assertEquals(1, notices.size(), "a matching key is not announced again");
        }
    }

    @Test
    void aChangedKeyIsRefusedNamingBothFingerprintsAndNothingIsSent() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            String pinned = "127.0.0.1:" + server.tcpPort() + " " + OTHER + "\n";
            Files.writeString(pins(), pinned);
            PinnedTls tls = new PinnedTls(pins(), Optional.empty(), line -> { });
            ClientException e = assertThrows(ClientException.class,
                    () -> tcrp(server.tcpPort(), tls).enter(RoomRequest.create("lobby", "alice", Optional.empty())));
            String fp = server.tlsIdentity().fingerprint().toString();
            assertTrue(e.getMessage().contains("has changed") && e.getMessage().contains(fp)
                    && e.getMessage().contains(OTHER.toString()) && e.getMessage().contains("--accept-key " + fp), e.getMessage());
            assertEquals(pinned, Files.readString(pins()), "the pin file is unchanged");
            // Nothing was sent: the room was never created, so another client can create it.
            PinnedTls fresh = new PinnedTls(dir.resolve("other-pins"), Optional.empty(), line -> { });
            tcrp(server.tcpPort(), fresh).enter(RoomRequest.create("lobby", "alice", Optional.empty()));
        }
    }

    @Test
    void acceptingTheNewKeyDeliberatelyReplacesThePinButAnotherFingerprintIsStillRefused() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            Files.writeString(pins(), "# mine\n127.0.0.1:" + server.tcpPort() + " " + OTHER + "\n");
            Fingerprint real = server.tlsIdentity().fingerprint();
            Fingerprint wrong = Fingerprint.of(new byte[] {9});
            assertThrows(ClientException.class, () -> tcrp(server.tcpPort(), new PinnedTls(pins(), Optional.of(wrong), l -> { }))
                    .enter(RoomRequest.create("lobby", "alice", Optional.empty())));
            List<String> notices = new ArrayList<>();
            tcrp(server.tcpPort(), new PinnedTls(pins(), Optional.of(real), notices::add))
                    .enter(RoomRequest.create("lobby", "alice", Optional.empty()));
            assertEquals("# mine\n127.0.0.1:" + server.tcpPort() + " " + real + "\n", Files.readString(pins()));
            assertTrue(notices.get(0).contains("accepted the new key"), notices.get(0));
            tcrp(server.tcpPort(), new PinnedTls(pins(), Optional.empty(), l -> { }))
                    .enter(RoomRequest.join("lobby", "bob", Optional.empty()));
        }
    }

    @Test
    void plainModeRefusesAChangedKeyWithANonZeroExit() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            Files.writeString(pins(), "127.0.0.1:" + server.tcpPort() + " " + OTHER + "\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ClientCommand cmd = new ClientCommand(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), new SettingsStore(dir.resolve("client.json")));
            int code = new CommandLine(cmd).execute("--plain", "--name", "alice", "--create", "lobby", "--server", "127.0.0.1",
                    "--tcp-port", Integer.toString(server.tcpPort()), "--udp-port", Integer.toString(server.udpPort()));
            assertNotEquals(0, code);
            String said = err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("has changed") && said.contains(server.tlsIdentity().fingerprint().toString()), said);
        }
    }

    @Test
    void aClearOnlyServerIsRefusedNotSpokenToInClear() throws Exception {
        try (ServerSocket clear = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = clear.accept()) {
                    s.getOutputStream().write(new byte[40]); // a stand-in that answers anything with clear bytes
                    s.getInputStream().read(new byte[4096]);
                } catch (IOException e) {
                    // the client hung up
                }
            }, "clear-server");
            t.start();
            PinnedTls tls = new PinnedTls(pins(), Optional.empty(), l -> { });
            ClientException e = assertThrows(ClientException.class, () -> tcrp(clear.getLocalPort(), tls)
                    .enter(RoomRequest.create("lobby", "alice", Optional.of("secret"))));
            assertTrue(e.getMessage().contains("never falls back"), e.getMessage());
            assertFalse(Files.exists(pins()));
            t.join(5_000);
        }
    }

    @Test
    void neitherThePasswordNorTheTokenCrossesTheTcpWireInClear() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start();
             CapturingTcpProxy proxy = new CapturingTcpProxy(server.tcpPort())) {
            PinnedTls tls = new PinnedTls(pins(), Optional.empty(), l -> { });
            String password = "pw-MARKER-7f3a";
            var admission = tcrp(proxy.port(), tls).enter(RoomRequest.create("lobby", "alice", Optional.of(password)));
            tcrp(proxy.port(), tls).enter(RoomRequest.join("lobby", "bob", Optional.of(password)));
            String wire = new String(proxy.captured(), StandardCharsets.ISO_8859_1);
            assertTrue(wire.length() > 500, "the proxy saw the exchanges");
            assertFalse(wire.contains(password));
            assertFalse(wire.contains(admission.token()));
            assertFalse(wire.contains("lobby"));
            assertFalse(wire.contains("alice"));
        }
    }

    @Test
    void aServerKeptInADataDirKeepsItsPinAcrossRestarts(@TempDir Path data) throws Exception {
        ServerConfig config = ServerConfig.forTests().withDataDir(Optional.of(data));
        int port;
        try (ChatServer server = new ChatServer(config).start()) {
            port = server.tcpPort();
            tcrp(port, new PinnedTls(pins(), Optional.empty(), l -> { })).listRooms();
        }
        try (ChatServer server = new ChatServer(config.withPorts(port, 0)).start()) {
            List<String> notices = new ArrayList<>();
            tcrp(port, new PinnedTls(pins(), Optional.empty(), notices::add)).listRooms();
            assertTrue(notices.isEmpty(), "the same key matched: " + notices);
        }
        ServerIdentity.loadOrCreate(Optional.of(data)); // the file is still readable
    }

    /** Copies bytes both ways between a client and the server, keeping a copy of all of them. */
    static final class CapturingTcpProxy implements AutoCloseable {
        private final ServerSocket listen;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private final Thread acceptor;

        CapturingTcpProxy(int target) throws IOException {
            listen = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!listen.isClosed()) {
                    try {
                        Socket in = listen.accept();
                        Socket out = new Socket();
                        out.connect(new InetSocketAddress("127.0.0.1", target));
                        pump(in, out);
                        pump(out, in);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "capturing-proxy");
            acceptor.start();
        }

        private void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (seen) {
                            seen.write(buf, 0, n);
                        }
                        out.write(buf, 0, n);
                    }
                } catch (IOException e) {
                    // one side closed
                }
            }, "capturing-pump");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listen.getLocalPort();
        }

        byte[] captured() {
            synchronized (seen) {
                return seen.toByteArray();
            }
        }

        @Override
        public void close() throws IOException {
            listen.close();
        }
    }
}
