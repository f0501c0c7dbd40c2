package ocm.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Makes sure the data dir can be used before the server starts: created if missing, a directory, and one a file
 * can be written in. When it cannot be, the operator is told why in words ("cannot create it: permission
 * denied"); the JDK's exceptions often say no more than the path.
 */
public final class DataDirCheck {
    private DataDirCheck() {
    }

    /** Creates {@code dir} if needed and checks it; throws IllegalArgumentException with a one-line reason. */
    public static void check(Path dir) {
        try {
            ocm.server.files.PrivateFiles.createDirectory(dir);
        } catch (IOException | SecurityException e) {
            throw problem(dir, whyNotCreated(dir, e));
        }
        if (!Files.isDirectory(dir)) {
            throw problem(dir, "it exists and is not a directory");
        }
        // Writing a file is the only test that gives the real reason (permission, read-only file system), and the
        // only one that holds for root, to whom Files.isWritable says yes almost everywhere.
        try {
            Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw problem(dir, "cannot write in it: " + reason(e));
        }
    }

    private static IllegalArgumentException problem(Path dir, String why) {
        return new IllegalArgumentException("cannot use data dir " + dir + ": " + why);
    }

    /** Why {@code dir} could not be created, from what {@link Files#createDirectories} threw. */
    static String whyNotCreated(Path dir, Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return "it exists and is not a directory";
        }
        Path notADirectory = fileInTheWay(dir);
        if (notADirectory != null) {
            return "cannot create it: " + notADirectory + " is a file, not a directory";
        }
        if (e instanceof NoSuchFileException) {
            // Some file systems (/proc, say) answer "no such file" to mkdir itself.
            Path parent = dir.toAbsolutePath().getParent();
            return "cannot create it: no such file or directory"
                    + (parent != null && Files.isDirectory(parent) ? " (" + parent + " does not allow new directories)" : "");
        }
        return "cannot create it: " + reason(e);
    }

    /** The nearest existing ancestor of {@code dir} that is not a directory, if that is what stops it being made. */
    private static Path fileInTheWay(Path dir) {
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    /** The reason in an exception, in lower case ("permission denied", "read-only file system"), never just a path. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return lowerFirst(((FileSystemException) e).getReason());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof SecurityException) {
            return "not allowed: " + e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
