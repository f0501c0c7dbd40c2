package ocm.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed acquire leaves the data dir free. */
class DataDirLockTest {
    @TempDir
    Path dir;

    @Test
    void aFailedPidWriteReleasesTheLock() throws Exception {
        IOException e = assertThrows(IOException.class,
                () -> DataDirLock.acquire(dir, ch -> { throw new IOException("disk full"); }));
        assertEquals("disk full", e.getMessage());
        // Had the failed attempt kept its lock, this would be refused as "in use by another OCM server".
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(dir.resolve(DataDirLock.FILE)));
        }
    }
}
