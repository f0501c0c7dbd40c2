package ocm.server.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import ocm.server.config.ServerConfig;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import org.junit.jupiter.api.Test;

/** Work handed to the relay thread always gets an answer, even when the relay stops first. */
class RelayLoopTest {
    private static RelayLoop newLoop() throws Exception {
        Tokens tokens = new Tokens();
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 10, 10, 10), tokens);
        ServerConfig config = ServerConfig.forTests();
        Counters counters = new Counters();
        RoomService rooms = new RoomService(registry, counters, config.v1IdleTimeout(), config.v2IdleTimeout());
        return new RelayLoop(config, rooms, tokens, counters, Clock.systemUTC(), now -> { });
    }

    private static void assertStopped(CompletableFuture<?> f) {
        // The generous timeout only guards the test run: a future left pending would end in TimeoutException, not here.
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("the relay has stopped", e.getCause().getMessage());
    }

    @Test
    void workSubmittedAfterCloseFails() throws Exception {
        RelayLoop loop = newLoop();
        loop.start();
        assertEquals(7, loop.submit(() -> 7).get(30, TimeUnit.SECONDS));
        loop.close();
        assertStopped(loop.submit(() -> 1));
    }

    @Test
    void workTheThreadNeverRanFailsAtClose() throws Exception {
        RelayLoop loop = newLoop(); // never started: no thread will ever take the task
        CompletableFuture<Integer> f = loop.submit(() -> 1);
        loop.close();
        assertStopped(f);
    }
}
