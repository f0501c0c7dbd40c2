package ocm.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import ocm.protocol.identity.Fingerprint;

/**
 * The server's TLS identity: its key pair and certificate, the SSL context made from them, and
 * the fingerprint people compare ({@link Fingerprint#ofPublicKeyInfo}, what clients pin).
 * Made at first start (ECDSA P-256, self-signed) and kept in the data dir as {@value #FILE_NAME}
 * (mode 600), or read from the operator's own PKCS12 file.
 */
public final class ServerIdentity {
    public static final String FILE_NAME = "server-key.p12";
    /** The generated store is protected by its file mode, not a password (there is nowhere safer to keep one). */
    private static final char[] GENERATED_PASSWORD = "ocm".toCharArray();
    private static final String ALIAS = "ocm-server";

    private final SSLContext context;
    private final X509Certificate certificate;
    private final Fingerprint fingerprint;
    private final String origin;

    private ServerIdentity(KeyStore store, char[] password, String origin) throws GeneralSecurityException {
        String alias = keyAlias(store);
        this.certificate = (X509Certificate) store.getCertificate(alias);
        this.fingerprint = Fingerprint.ofPublicKeyInfo(certificate.getPublicKey());
        this.origin = origin;
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        this.context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf.getKeyManagers(), null, null);
    }

    /** The key in {@code dataDir}, made there on first start; with no data dir, a new one in memory. */
    public static ServerIdentity loadOrCreate(Optional<Path> dataDir) throws TlsSetupException {
        try {
            if (dataDir.isEmpty()) {
                return new ServerIdentity(generate(), GENERATED_PASSWORD, "a new key in memory (no data dir: it changes at every start)");
            }
            Path file = dataDir.get().resolve(FILE_NAME);
            if (Files.exists(file)) {
                return new ServerIdentity(read(file, GENERATED_PASSWORD), GENERATED_PASSWORD, "the key in " + file);
            }
            KeyStore store = generate();
            write(store, file);
            return new ServerIdentity(store, GENERATED_PASSWORD, "a new key, saved in " + file);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("cannot set up the server's TLS key: " + e.getMessage(), e);
        }
    }

    /** The operator's own key and certificate chain, from a PKCS12 file. */
    public static ServerIdentity fromPkcs12(Path file, char[] password) throws TlsSetupException {
        try {
            return new ServerIdentity(read(file, password), password, "the key in " + file);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("cannot read the TLS key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Each call a new server-side engine that speaks TLS 1.3 only. */
    public SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(new String[] {"TLSv1.3"});
        return engine;
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** For the log: where the key came from. */
    public String origin() {
        return origin;
    }

    private static KeyStore generate() throws GeneralSecurityException, IOException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = gen.generateKeyPair();
        X509Certificate cert = SelfSignedCertificate.make(keys, Instant.now());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), GENERATED_PASSWORD, new Certificate[] {cert});
        return store;
    }

    private static KeyStore read(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        keyAlias(store);
        return store;
    }

    /** Written to a temporary file made mode 600 before any key byte goes in, then moved into place. */
    private static void write(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(tmp)) {
            store.store(out, GENERATED_PASSWORD);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String keyAlias(KeyStore store) throws GeneralSecurityException {
        for (Enumeration<String> e = store.aliases(); e.hasMoreElements(); ) {
            String alias = e.nextElement();
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate) {
                return alias;
            }
        }
        throw new GeneralSecurityException("it holds no private key with an X.509 certificate");
    }
}
