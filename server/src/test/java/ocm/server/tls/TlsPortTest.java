package ocm.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import ocm.protocol.identity.Fingerprint;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS 1.3 and clear TCRP on one port, the server's key, and {@code --require-encryption}. */
class TlsPortTest {
    @Test
    void aTlsClientCreatesAndJoinsAndSeesTheServersKey() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            TcrpClient tls = TcrpClient.overTls(server.tcpPort());
            assertTrue(tls.create("lobby", "alice").ok());
            assertTrue(tls.join("lobby", "bob").ok());
            Fingerprint presented = Fingerprint.ofPublicKeyInfo(tls.lastServerCertificate().getPublicKey());
            assertEquals(server.tlsIdentity().fingerprint(), presented);
            assertTrue(server.tlsFingerprint().orElseThrow().contains(presented.toString()));
        }
    }

    @Test
    void clearTcrpStillWorksBesideTls() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            assertTrue(new TcrpClient(server.tcpPort()).create("lobby", "alice").ok());
            assertTrue(TcrpClient.overTls(server.tcpPort()).join("lobby", "bob").ok());
            assertTrue(new TcrpClient(server.tcpPort()).join("lobby", "carol").ok());
        }
    }

    @Test
    void requireEncryptionRefusesClearClientsWithAMessageTheyCanPrintAndServesTls() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).requireEncryption(true).start()) {
            TcrpClient.Answer clear = new TcrpClient(server.tcpPort()).create("lobby", "alice");
            assertFalse(clear.compliance().success());
            assertEquals(TlsPort.REFUSAL, clear.compliance().message());
            assertTrue(TcrpClient.overTls(server.tcpPort()).create("lobby", "alice").ok(),
                    "the refused clear request created nothing: the name is still free over TLS");
        }
    }

    @Test
    void requireEncryptionRefusesTheSeedsOwnClient() throws Exception {
        Path script = Path.of("src", "test", "python", "seed_client.py");
        assumeTrue(Files.exists(script), "run from the server module directory");
        assumeTrue(python3Available(), "python3 is not installed");
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).requireEncryption(true).start()) {
            Process p = new ProcessBuilder("python3", script.toString(), Integer.toString(server.tcpPort()),
                    Integer.toString(server.udpPort()), "seed room").redirectErrorStream(true).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(out.startsWith("FAIL"), out);
            assertEquals(1, p.exitValue());
        }
    }

    @Test
    void theKeyIsMadeOnceKeptMode600AndTheSameAfterARestart(@TempDir Path dir) throws Exception {
        ServerConfig config = ServerConfig.forTests().withDataDir(Optional.of(dir));
        Fingerprint first;
        try (ChatServer server = new ChatServer(config).start()) {
            first = server.tlsIdentity().fingerprint();
        }
        Path file = dir.resolve(ServerIdentity.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (ChatServer server = new ChatServer(config).start()) {
            assertEquals(first, server.tlsIdentity().fingerprint());
            assertEquals(first, Fingerprint.ofPublicKeyInfo(
                    TcrpClient.overTls(server.tcpPort()).lastServerCertificateAfterList().getPublicKey()));
        }
    }

    @Test
    void withoutADataDirEachStartHasANewKey() throws Exception {
        Fingerprint a;
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            a = server.tlsIdentity().fingerprint();
            assertTrue(server.tlsIdentity().origin().contains("in memory"));
        }
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            assertNotEquals(a, server.tlsIdentity().fingerprint());
        }
    }

    @Test
    void anOperatorsPkcs12FileIsUsedAndABadOneIsAClearError(@TempDir Path dir) throws Exception {
        ServerIdentity made = ServerIdentity.loadOrCreate(Optional.of(dir));
        ServerIdentity given = ServerIdentity.fromPkcs12(dir.resolve(ServerIdentity.FILE_NAME), "ocm".toCharArray());
        assertEquals(made.fingerprint(), given.fingerprint());
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).withTlsIdentity(given).start()) {
            TcrpClient tls = TcrpClient.overTls(server.tcpPort());
            assertTrue(tls.create("lobby", "alice").ok());
            assertEquals(made.fingerprint(), Fingerprint.ofPublicKeyInfo(tls.lastServerCertificate().getPublicKey()));
        }
        TlsSetupException wrong = assertThrows(TlsSetupException.class,
                () -> ServerIdentity.fromPkcs12(dir.resolve(ServerIdentity.FILE_NAME), "nope".toCharArray()));
        assertTrue(wrong.getMessage().contains(ServerIdentity.FILE_NAME), wrong.getMessage());
    }

    @Test
    void aRequestSpanningSeveralTlsRecordsIsReadWhole() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            // About 50 KB of body: four TLS records, arriving together, more than one unwrap buffer holds.
            String longPassword = "p".repeat(50_000);
            TcrpClient.Answer answer = TcrpClient.overTls(server.tcpPort()).create("lobby", "alice", Optional.of(longPassword), 2);
            assertTrue(answer.compliance() != null, "answered, not left to the deadline");
            assertTrue(TcrpClient.overTls(server.tcpPort()).create("other", "bob").ok());
        }
    }

    @Test
    void garbageAfterATlsStartCostsOnlyThatConnection() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.tcpPort()), 5000);
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                byte[] junk = new byte[TcrpCodec.HEADER_SIZE];
                junk[0] = 0x16;
                junk[1] = 0x03;
                junk[2] = 0x03;
                junk[3] = 0x00;
                junk[4] = 0x05;
                out.write(junk);
                out.flush();
                InputStream in = s.getInputStream();
                while (in.read() >= 0) {
                    // the server answers with a TLS alert, if anything, then closes
                }
            } catch (IOException e) {
                // a reset is as good as a close
            }
            assertTrue(TcrpClient.overTls(server.tcpPort()).create("lobby", "alice").ok());
        }
    }

    private static boolean python3Available() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
