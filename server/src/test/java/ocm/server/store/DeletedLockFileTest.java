package ocm.server.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, case 7: deleting {@code .lock} while a server runs does not let a second server run on
 * the same data dir. (Two servers in one JVM: the second's tryLock on the same file throws
 * OverlappingFileLockException, which counts as locked.)
 */
class DeletedLockFileTest {
    @TempDir
    Path dir;

    @Test
    void aDeletedLockFileIsMadeAgainAndASecondServerIsStillRefused() throws Exception {
        ServerConfig config = ServerConfig.forTests().withDataDir(Optional.of(dir));
        ChatServer first = new ChatServer(config).start();
        try {
            Path lock = dir.resolve(DataDirLock.FILE);
            Files.delete(lock);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(lock));
            ChatServer second = new ChatServer(config);
            assertThrows(DataDirLock.DataDirInUseException.class, second::start);
            assertTrue(second.isStopped());
            assertTrue(new TcrpClient(first.tcpPort()).create("mine", "alice").ok(), "the first still works");
        } finally {
            first.close();
        }
    }

    @Test
    void aServerThatLostItsLockToAnotherKnowsIt() throws Exception {
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            Files.delete(dir.resolve(DataDirLock.FILE));
            // Another server starts before the first notices: it locks a new file of that name...
            try (DataDirLock second = DataDirLock.acquire(dir)) {
                // ...and the first, checking, finds its lock lost instead of carrying on writing.
                assertFalse(first.recheck());
                assertTrue(second.recheck());
            }
        }
    }

    @Test
    void aLockStillInPlaceIsKept() throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertTrue(lock.recheck());
            assertThrows(DataDirLock.DataDirInUseException.class, () -> DataDirLock.acquire(dir));
        }
    }
}
