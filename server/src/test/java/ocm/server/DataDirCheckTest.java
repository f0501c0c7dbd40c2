package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a data dir can be unusable is told with its reason, never just the path. */
class DataDirCheckTest {
    @TempDir
    Path dir;

    private static String problem(Path dataDir) {
        return assertThrows(IllegalArgumentException.class, () -> DataDirCheck.check(dataDir)).getMessage();
    }

    @Test
    void aMissingDirIsCreatedAndAnExistingOneIsFine() {
        Path fresh = dir.resolve("a").resolve("b");
        DataDirCheck.check(fresh);
        assertTrue(Files.isDirectory(fresh));
        DataDirCheck.check(fresh);
        assertEquals(0, fresh.toFile().list().length, "the write check leaves nothing behind");
    }

    @Test
    void aFileWhereTheDirShouldBe() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals("cannot use data dir " + file + ": it exists and is not a directory", problem(file));
    }

    @Test
    void aFileInThePathToTheDir() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path under = file.resolve("sub").resolve("deeper");
        assertEquals("cannot use data dir " + under + ": cannot create it: " + file + " is a file, not a directory",
                problem(under));
    }

    @Test
    void aFileSystemThatAllowsNoNewDirectories() {
        // /proc answers mkdir with "no such file": the case that used to print only the path.
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        assertEquals("cannot use data dir /proc/nope: cannot create it: no such file or directory"
                + " (/proc does not allow new directories)", problem(Path.of("/proc/nope")));
    }

    @Test
    void aDirWithoutWritePermission() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "root may write anywhere");
            assertEquals("cannot use data dir " + locked + ": cannot write in it: permission denied", problem(locked));
            Path inside = locked.resolve("ocm");
            assertEquals("cannot use data dir " + inside + ": cannot create it: permission denied", problem(inside));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theReasonIsWordsNotAPath() {
        assertEquals("permission denied", DataDirCheck.reason(new AccessDeniedException("/srv/ocm")));
        assertEquals("read-only file system",
                DataDirCheck.reason(new FileSystemException("/mnt/cd/ocm", null, "Read-only file system")));
        assertEquals("no such file or directory", DataDirCheck.reason(new NoSuchFileException("/x/ocm")));
        Path missing = dir.resolve("ocm");
        assertEquals("cannot create it: read-only file system", DataDirCheck.whyNotCreated(missing,
                new FileSystemException(missing.toString(), null, "Read-only file system")));
        assertEquals("cannot create it: permission denied",
                DataDirCheck.whyNotCreated(missing, new AccessDeniedException(missing.toString())));
    }
}
