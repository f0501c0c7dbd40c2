package ocm.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ocm.protocol.ErrorCode;
import ocm.server.room.RoomException;
import org.junit.jupiter.api.Test;

/** Issue 17, case 6: one room's costly hash holds up neither other rooms nor callers (refused at once when busy). */
class PasswordHashingTest {
    private static CompletableFuture<Boolean> blockedHash(PasswordHashing hashing, String room, CountDownLatch started,
                                                           CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return hashing.run(room, () -> {
                    started.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return false;
                    }
                });
            } catch (RoomException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aSlowRoomIsRefusedASecondHashWhileOtherRoomsAreHashed() throws Exception {
        PasswordHashing hashing = new PasswordHashing();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> slow = blockedHash(hashing, "costly", started, release);
        try {
            assertTrue(started.await(10, TimeUnit.SECONDS));
            RoomException busy = assertThrows(RoomException.class, () -> hashing.run("costly", () -> true));
            assertEquals(ErrorCode.RATE_LIMITED, busy.code());
            assertTrue(busy.getMessage().startsWith("the server is busy, try again"), busy.getMessage());
            assertEquals("other", hashing.run("lobby", () -> "other"), "another room is hashed meanwhile");
        } finally {
            release.countDown();
        }
        assertTrue(slow.get(10, TimeUnit.SECONDS));
        assertEquals("again", hashing.run("costly", () -> "again"), "the room is free again once its hash is done");
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        PasswordHashing hashing = new PasswordHashing(1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> running = blockedHash(hashing, "a", started, release);
        try {
            assertTrue(started.await(10, TimeUnit.SECONDS));
            CompletableFuture<Boolean> queued = blockedHash(hashing, "b", new CountDownLatch(1), release);
            // "b" waits in the one queue slot; wait until it is there, then "c" finds the queue full.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> hashingQueueIsFull(hashing));
            RoomException full = assertThrows(RoomException.class, () -> hashing.run("c", () -> true));
            assertTrue(full.getMessage().contains("too many passwords are being checked"), full.getMessage());
            release.countDown();
            assertTrue(queued.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
        }
        assertTrue(running.get(10, TimeUnit.SECONDS));
    }

    private static boolean hashingQueueIsFull(PasswordHashing hashing) {
        return hashing.queued() == 1;
    }
}
