package ocm.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ocm.server.room.Room;
import ocm.server.room.RoomRegistry;
import ocm.server.room.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file that is not a plain, reasonably sized file is moved aside unread; saved history is bounded in bytes. */
class StateFileLimitsTest {
    @TempDir
    Path dir;

    private List<Path> movedAside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("state.json.corrupt-")).collect(Collectors.toList());
        }
    }

    @Test
    void symlinkToDevZeroIsMovedAsideNotRead() throws Exception {
        Path zero = Paths.get("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");
        Files.createSymbolicLink(dir.resolve(JsonRoomStore.FILE), zero);
        JsonRoomStore store = new JsonRoomStore(dir, 1024 * 1024);
        assertEquals(Optional.empty(), store.load());
        List<Path> aside = movedAside();
        assertEquals(1, aside.size());
        assertTrue(Files.isSymbolicLink(aside.get(0)), "the link itself is moved, /dev/zero untouched");
        assertTrue(!Files.exists(dir.resolve(JsonRoomStore.FILE), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void fileOverTheLimitIsMovedAsideUnchanged() throws Exception {
        JsonRoomStore store = new JsonRoomStore(dir, 2000);
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 100, 10, 10), new Tokens());
        registry.create("big", "alice", Optional.empty(), 2, "127.0.0.1", 0);
        Room room = registry.room("big").orElseThrow();
        for (int i = 0; i < 20; i++) {
            room.record(0, false, "alice", "x".repeat(200));
        }
        // Written by a server with a higher limit (this one would never write a file it will not read).
        new JsonRoomStore(dir).save(Snapshots.of(registry, 0));
        String saved = Files.readString(dir.resolve(JsonRoomStore.FILE));
        assertTrue(saved.length() > 2000, "the test needs a valid file over the limit");
        assertEquals(Optional.empty(), store.load());
        List<Path> aside = movedAside();
        assertEquals(1, aside.size());
        assertEquals(saved, Files.readString(aside.get(0)));
        // The same file under a large enough limit loads.
        Files.move(aside.get(0), dir.resolve(JsonRoomStore.FILE));
        assertEquals("big", new JsonRoomStore(dir, 1_000_000).load().orElseThrow().rooms().get(0).name());
    }

    @Test
    void savedHistoryIsBoundedInBytesKeepingTheNewest() throws Exception {
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 100, 10, 10), new Tokens());
        registry.create("long", "alice", Optional.empty(), 2, "127.0.0.1", 0);
        Room room = registry.room("long").orElseThrow();
        for (int i = 0; i < 100; i++) {
            room.record(0, false, "alice", i + "y".repeat(3500));
        }
        List<StateSnapshot.MessageSnapshot> history = Snapshots.of(registry, 0).rooms().get(0).history();
        long bytes = history.stream().mapToLong(m -> m.text().length() + m.sender().length()).sum();
        assertTrue(bytes <= Snapshots.MAX_HISTORY_BYTES_PER_ROOM, "saved history of " + bytes + " bytes");
        assertTrue(!history.isEmpty());
        assertEquals(100, history.get(history.size() - 1).msgId(), "the newest message is kept");
        // Short messages are all kept.
        registry.create("short", "bob", Optional.empty(), 2, "127.0.0.1", 0);
        Room small = registry.room("short").orElseThrow();
        for (int i = 0; i < 100; i++) {
            small.record(0, false, "bob", "hi " + i);
        }
        assertEquals(100, Snapshots.of(registry, 0).rooms().get(1).history().size());
    }
}
