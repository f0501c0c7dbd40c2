package ocm.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ocm.server.tls.ServerIdentity;
import ocm.server.tls.TlsSetupException;
import picocli.CommandLine.Option;

/** The server's TLS flags: the operator's own key store, and whether clear clients are refused. */
final class TlsOptions {
    @Option(names = "--require-encryption",
            description = "Refuse clear TCRP clients (the seed's): only TLS (OCM clients) is served. Default: both are served.")
    boolean requireEncryption;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "A PKCS12 file with the server's own TLS key and certificate, instead of the one made in the data dir.")
    Path keystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "A file whose first line is the PKCS12 password (kept off the command line). Default: no password.")
    Path passwordFile;

    /** Applies the flags to a server before it starts. */
    void applyTo(ChatServer server) throws TlsSetupException {
        server.requireEncryption(requireEncryption);
        if (keystore != null) {
            server.withTlsIdentity(ServerIdentity.fromPkcs12(keystore, password()));
        }
    }

    private char[] password() throws TlsSetupException {
        if (passwordFile == null) {
            return new char[0];
        }
        try {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip().toCharArray();
        } catch (IOException e) {
            throw new TlsSetupException("cannot read the key store password file " + passwordFile + ": " + e.getMessage(), e);
        }
    }
}
