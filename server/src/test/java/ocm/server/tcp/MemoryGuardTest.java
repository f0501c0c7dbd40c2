package ocm.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.JoinRoom;
import ocm.protocol.tcrp.Operation;
import ocm.server.config.AbuseLimits;
import ocm.server.room.RoomRegistry;
import ocm.server.room.Tokens;
import ocm.server.room.RoomService;
import ocm.server.stats.Counters;
import org.junit.jupiter.api.Test;

/** When the heap in use after GC is nearly all of it, newcomers are refused SERVER_FULL; when it recovers, taken again. */
class MemoryGuardTest {
    @Test
    void newRoomsAndJoinsAreRefusedWhileMemoryIsShort() throws Exception {
        AtomicLong live = new AtomicLong(10);
        MemoryGuard guard = new MemoryGuard(live::get, () -> 100);
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(100, 10, 10, 10, 10), new Tokens());
        RoomService rooms = new RoomService(registry, new Counters(), Duration.ofMinutes(1), Duration.ofMinutes(1));
        {
            RequestHandler h = new RequestHandler(new DirectRooms(rooms), AbuseLimits.defaults(), Clock.systemUTC(), guard);
            String ip = "127.0.0.1";
            assertTrue(answer(h.answer(new CreateRoom("one", "alice", Optional.empty(), 2), Operation.CREATE_ROOM, "one", ip))
                    .contains("\"token\""));
            live.set(90);
            String refusedCreate = answer(h.answer(new CreateRoom("two", "bob", Optional.empty(), 2), Operation.CREATE_ROOM, "two", ip));
            assertTrue(refusedCreate.contains("SERVER_FULL") && refusedCreate.contains("the server is low on memory"), refusedCreate);
            String refusedJoin = answer(h.answer(new JoinRoom("one", "carol", Optional.empty(), 2), Operation.JOIN_ROOM, "one", ip));
            assertTrue(refusedJoin.contains("SERVER_FULL"), refusedJoin);
            assertEquals(1, registry.rooms().size(), "nothing was created meanwhile");
            live.set(50);
            assertTrue(answer(h.answer(new JoinRoom("one", "carol", Optional.empty(), 2), Operation.JOIN_ROOM, "one", ip))
                    .contains("\"token\""));
        }
    }

    private static String answer(byte[] wire) {
        return new String(wire, StandardCharsets.UTF_8);
    }
}
