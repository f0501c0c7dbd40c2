package ocm.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The gateway's host key: an Ed25519 key in OpenSSH format ({@code ssh_host_ed25519_key}, mode 600,
 * and its {@code .pub}) in the data dir, made at the first start and the same ever after, so users'
 * known_hosts keep matching. A key file that cannot be read stops the start: making a new one
 * would look like an attack to every user.
 */
final class HostKey {
    static final String FILE_NAME = "ssh_host_ed25519_key";

    private HostKey() {
    }

    /** The key kept in {@code dir}, made there first if there is none. */
    static KeyPair loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                create(file);
            }
            return load(file);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the SSH host key " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@code ssh-keygen -l} prints it: {@code SHA256:} and the unpadded base64 digest of the key's wire encoding. */
    static String fingerprint(KeyPair key) {
        return KeyUtils.getFingerPrint(key.getPublic());
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        KeyPair kp = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "ocm-ssh-gateway", null, out);
        }
        try (OutputStream out = Files.newOutputStream(file.resolveSibling(FILE_NAME + ".pub"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(kp.getPublic(), "ocm-ssh-gateway", out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static KeyPair load(Path file) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, () -> file.toString(), in, null);
            Iterator<KeyPair> it = keys == null ? null : keys.iterator();
            if (it == null || !it.hasNext()) {
                throw new IOException("no key in " + file);
            }
            return it.next();
        }
    }
}
