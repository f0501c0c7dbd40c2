package ocm.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ocm.server.config.ServerConfig;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import ocm.server.udp.RelayLoop;
import org.junit.jupiter.api.Test;

/** An operator's call to a relay that does not answer is an error saying so, never empty data. */
class LiveAdminTest {
    private static final ServerLifecycle NO_LIFE = new ServerLifecycle() {
        @Override
        public boolean persists() {
            return false;
        }

        @Override
        public void saveNow() {
        }

        @Override
        public void shutdown() {
        }
    };

    @Test
    void aWedgedRelayIsReportedAsSuchByEveryCall() throws Exception {
        ServerConfig config = ServerConfig.forTests();
        Tokens tokens = new Tokens();
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 10, 10, 10), tokens);
        Counters counters = new Counters();
        RoomService rooms = new RoomService(registry, counters, config.v1IdleTimeout(), config.v2IdleTimeout());
        // Made at the relay's own time, so its idle sweep keeps the room for the test's length.
        rooms.create("lobby", "alice", Optional.empty(), 2, "127.0.0.1", Clock.systemUTC().millis());
        try (RelayLoop relay = new RelayLoop(config, rooms, tokens, counters, Clock.systemUTC(), now -> { })) {
            relay.start();
            LiveAdmin admin = new LiveAdmin(relay, rooms, counters, Map::of, NO_LIFE, Clock.systemUTC(), 0, Duration.ofMillis(100));
            assertEquals(List.of("lobby"), admin.rooms().stream().map(RoomView::name).toList(), "a live relay answers");

            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch wedged = new CountDownLatch(1);
            relay.submit(() -> {
                wedged.countDown();
                return release.await(30, TimeUnit.SECONDS);
            });
            wedged.await(30, TimeUnit.SECONDS);
            try {
                assertEquals("the relay did not answer within 0.1 s", assertThrows(AdminException.class, admin::rooms).getMessage());
                assertEquals("the relay did not answer within 0.1 s", assertThrows(AdminException.class, admin::stats).getMessage());
                assertEquals("the relay did not answer within 0.1 s",
                        assertThrows(AdminException.class, () -> admin.users(Optional.empty())).getMessage());
            } finally {
                release.countDown();
            }
            assertEquals(1, admin.stats().rooms(), "answers again once the relay is free");
        }
    }
}
