package ocm.server.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * The data dir holds password hashes, token hashes and addresses: the server makes it readable by
 * its own user only, mode 700, and every file it puts there mode 600, whatever the umask. On a
 * file system without POSIX modes this does nothing (and logs why at FINE).
 */
public final class PrivateFiles {
    private static final Logger LOG = Logger.getLogger("ocm.server.files");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and its parents) if it does not exist; the dir this made is mode 700. */
    public static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        mode(dir, "rwx------");
    }

    /** Creates {@code file} mode 600 if it does not exist, and makes an existing one mode 600. */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // kept, but made private below: an older server may have left it 644
        }
        restrict(file);
    }

    /** Mode 600 on a file the server wrote. */
    public static void restrict(Path file) {
        mode(file, "rw-------");
    }

    private static void mode(Path p, String mode) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.fine(() -> "cannot set mode " + mode + " on " + p + ": " + e);
        }
    }
}
