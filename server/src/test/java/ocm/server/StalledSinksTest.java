package ocm.server;

import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import ocm.protocol.tcrp.Admission;
import ocm.server.log.AsyncLogHandler;
import ocm.server.log.ServerLog;
import ocm.server.store.RoomStore;
import ocm.server.store.SnapshotWriter;
import ocm.server.store.StateSnapshot;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a log sink that never returns (a terminal paused with Ctrl+S) and a store whose save never
 * returns (a hung disk) stall neither chat nor memory: messages keep arriving between real clients,
 * the log queue stays within its bound and counts what it drops, and at most one snapshot waits.
 */
class StalledSinksTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** A sink that blocks on its first record until released, as a paused terminal does. */
    private static final class StuckSink extends Handler {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public void publish(LogRecord record) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** A store whose every save blocks until released, as a hung disk does. */
    private static final class StuckStore implements RoomStore {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger saves = new AtomicInteger();

        @Override
        public Optional<StateSnapshot> load() {
            return Optional.empty();
        }

        @Override
        public void save(StateSnapshot snapshot) {
            saves.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void chatFlowsWhileTheLogSinkAndTheDiskAreStuck() throws Exception {
        Logger root = Logger.getLogger(ServerLog.ROOT);
        Level levelBefore = root.getLevel();
        ServerLog log = new ServerLog();
        StuckSink sink = new StuckSink();
        StuckStore store = new StuckStore();
        // FINE: every garbage datagram is a log line written on the relay thread.
        log.level(Level.FINE);
        log.addHandler(sink);
        AsyncLogHandler queue = log.queue();
        long droppedBefore = queue.dropped();
        ChatServer server = new ChatServer(ServerConfig.forTests().withRate(10_000, 10_000), AbuseLimits.defaults(), store).start();
        try {
            TcrpClient tcrp = new TcrpClient(server.tcpPort());
            Admission a = tcrp.create("lobby", "alice").admission();
            Admission b = tcrp.join("lobby", "bob").admission();
            try (V1TestClient alice = new V1TestClient(server.udpPort(), "lobby", a.token());
                 V1TestClient bob = new V1TestClient(server.udpPort(), "lobby", b.token())) {
                alice.register();
                bob.register();
                await().atMost(WAIT).until(() -> server.admin().users(Optional.of("lobby")).stream()
                        .filter(u -> u.protocol() == 1).count() == 2);
                assertTrue(sink.entered.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS),
                        "the log writer reached the stuck sink");
                await().atMost(WAIT).until(() -> store.saves.get() == 1);
                SnapshotWriter writer = server.snapshotWriter();
                int maxPending = 0;
                for (int round = 0; round < 60; round++) {
                    for (int i = 0; i < 100; i++) {
                        alice.sendRaw(new byte[] {0}); // garbage: one FINE line each on the relay thread
                    }
                    alice.sendText("message " + round);
                    bob.awaitChat("alice", "message " + round, WAIT);
                    maxPending = Math.max(maxPending, queue.pending());
                    assertTrue(writer.waiting() <= 1, "snapshots waiting: " + writer.waiting());
                }
                long dropped = queue.dropped() - droppedBefore;
                assertTrue(dropped > 0, "log lines dropped once the queue was full: " + dropped);
                assertTrue(maxPending <= queue.capacity(), "pending " + maxPending + " of " + queue.capacity());
                assertEquals(dropped + droppedBefore, ServerLog.droppedLines(), "the count /stats shows");
                assertEquals(1, store.saves.get(), "no second save started while the first hangs");
                // The relay went on offering snapshots and made none while the write hung.
                await().atMost(WAIT).until(() -> writer.skipped() > 0);
                assertTrue(writer.held() <= 1, "snapshots held: " + writer.held());
                assertEquals(dropped + droppedBefore, server.admin().logLinesDropped());
            }
        } finally {
            store.release.countDown();
            sink.release.countDown();
            log.removeHandler(sink);
            root.setLevel(levelBefore);
            server.close();
        }
    }
}
