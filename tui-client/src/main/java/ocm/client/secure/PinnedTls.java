package ocm.client.secure;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import ocm.client.net.ClientException;
import ocm.client.net.TcrpTransport;
import ocm.protocol.ProtocolException;
import ocm.protocol.identity.Fingerprint;
import ocm.protocol.tls.PinDecision;
import ocm.protocol.tls.PinStore;
import ocm.protocol.tls.ServerAddress;

/**
 * TCRP inside TLS 1.3 with the server's key pinned on first use (SSH's known_hosts rule, in
 * {@code known_servers} beside the client's settings). The handshake accepts any certificate: the
 * check is the pin, made after the handshake and before a byte of the request is sent. A changed
 * key is refused with both fingerprints, unless it is the one the user accepted deliberately
 * ({@code --accept-key}); the client never falls back to clear TCRP.
 */
public final class PinnedTls implements TcrpTransport {
    public static final String FILE_NAME = "known_servers";

    private final Path pinFile;
    private final Optional<Fingerprint> accepted;
    private final Consumer<String> notices;
    private final SSLSocketFactory factory;

    /** {@code notices}: told the first-contact and accepted-key lines, for the person to read. */
    public PinnedTls(Path pinFile, Optional<Fingerprint> accepted, Consumer<String> notices) {
        this.pinFile = pinFile;
        this.accepted = accepted;
        this.notices = notices;
        this.factory = anyCertificate();
    }

    /** The pin file beside the client's settings file. */
    public static Path pinFileBeside(Path settingsFile) {
        return settingsFile.resolveSibling(FILE_NAME);
    }

    @Override
    public Socket open(Socket socket, String host, int port) throws IOException, ClientException {
        socket.setTcpNoDelay(true); // JSSE writes each handshake record apart: Nagle would hold the last one for an ACK
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, port, true);
        ssl.setEnabledProtocols(new String[] {"TLSv1.3"});
        ssl.startHandshake();
        Certificate[] chain = ssl.getSession().getPeerCertificates();
        Fingerprint presented = Fingerprint.ofPublicKeyInfo(chain[0].getPublicKey());
        ServerAddress address;
        try {
            address = new ServerAddress(host, port);
        } catch (IllegalArgumentException e) {
            throw new ClientException("bad server address " + host + ":" + port + ": " + e.getMessage());
        }
        check(address, presented);
        return ssl;
    }

    /** Goes on for a matching or a first-seen key (pinning it), refuses a changed one. Both TCRP clients of one chat client share this. */
    synchronized void check(ServerAddress address, Fingerprint presented) throws ClientException {
        PinStore pins = load();
        PinDecision decision = pins.check(address, presented);
        if (decision instanceof PinDecision.Match) {
            return;
        }
        if (decision instanceof PinDecision.FirstContact first) {
            save(pins.withPin(address, presented));
            notices.accept(first.message());
            return;
        }
        PinDecision.Changed changed = (PinDecision.Changed) decision;
        if (accepted.isPresent() && accepted.get().equals(presented)) {
            save(pins.withPin(address, presented));
            notices.accept("accepted the new key of " + address + ", " + presented + " (it replaces " + changed.pinned()
                    + " in " + pinFile + ")");
            return;
        }
        throw new ClientException(changed.message(pinFile.toString())
                + " Or connect once with --accept-key " + presented + " after checking it.");
    }

    private PinStore load() throws ClientException {
        try {
            return PinStore.parse(Files.readString(pinFile, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return PinStore.empty();
        } catch (IOException e) {
            throw new ClientException("cannot read " + pinFile + ": " + e.getMessage(), e);
        } catch (ProtocolException e) {
            throw new ClientException(pinFile + " " + e.getMessage() + "; not connecting until it is fixed");
        }
    }

    /** Atomically, mode 600 from the first byte. */
    private void save(PinStore pins) throws ClientException {
        try {
            Files.createDirectories(pinFile.toAbsolutePath().getParent());
            Path tmp = pinFile.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, pins.serialize(), StandardCharsets.UTF_8);
            Files.move(tmp, pinFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClientException("cannot save the server's key in " + pinFile + ": " + e.getMessage(), e);
        }
    }

    /** Certificates are not checked against authorities: OCM servers are self-signed and the pin decides. */
    private static SSLSocketFactory anyCertificate() {
        X509TrustManager pinLater = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(null, new TrustManager[] {pinLater}, new SecureRandom());
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no TLS 1.3", e);
        }
    }
}
