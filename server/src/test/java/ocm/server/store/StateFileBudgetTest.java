package ocm.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, case 3: the server never writes a state file it would refuse to read. With
 * {@code --max-state-mb 1}, rooms whose saved history comes to more are saved with less history (and
 * the next start reads them all); rooms and members that alone would not fit are not written at all.
 */
class StateFileBudgetTest {
    private static final long ONE_MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private static StateSnapshot rooms(int rooms, int members, int messages, int textChars) {
        List<StateSnapshot.RoomSnapshot> out = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            List<StateSnapshot.MemberSnapshot> ms = new ArrayList<>();
            ms.add(new StateSnapshot.MemberSnapshot("alice", "hash-alice-" + r, null, 2, 1, 1, null));
            for (int m = 0; m < members; m++) {
                ms.add(new StateSnapshot.MemberSnapshot("member" + m, "hash-" + r + "-" + m + "-" + "h".repeat(64), "127.0.0.1:" + (1000 + m),
                        2, 1, 1, null));
            }
            List<StateSnapshot.MessageSnapshot> history = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                history.add(new StateSnapshot.MessageSnapshot(i + 1, i, false, "alice", i + " " + "x".repeat(textChars), null));
            }
            out.add(new StateSnapshot.RoomSnapshot("room" + r, "alice", null, null, 0, 1, messages + 1, messages, ms, List.of(),
                    history, 10_000));
        }
        return new StateSnapshot(StateSnapshot.VERSION, 1, out);
    }

    private static List<String> warningsDuring(ThrowingRunnable work) throws Exception {
        List<String> seen = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                seen.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("ocm.server.store");
        log.addHandler(capture);
        try {
            work.run();
        } finally {
            log.removeHandler(capture);
        }
        return seen;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void historyOverTheLimitIsCutSoTheNextStartReadsEveryRoom() throws Exception {
        JsonRoomStore store = new JsonRoomStore(dir, ONE_MIB);
        StateSnapshot big = rooms(12, 3, 30, 3000); // about 1.1 MB of history, as in the issue
        List<String> warnings = warningsDuring(() -> store.save(big));
        long size = Files.size(dir.resolve(JsonRoomStore.FILE));
        assertTrue(size <= ONE_MIB, "the file is within the limit: " + size);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("over the limit of " + ONE_MIB + " (--max-state-mb)")
                && w.contains("with less history")), "the log says so: " + warnings);
        StateSnapshot loaded = store.load().orElseThrow();
        assertEquals(12, loaded.rooms().size(), "every room comes back");
        StateSnapshot.RoomSnapshot first = loaded.rooms().get(0);
        assertEquals(4, first.members().size());
        assertTrue(!first.history().isEmpty() && first.history().size() < 30, "some history, the newest: " + first.history().size());
        assertEquals(30, first.history().get(first.history().size() - 1).msgId(), "the newest message is kept");
        assertEquals(10_000, first.msgIdReserved(), "message ids still never go back");
    }

    @Test
    void membersThatAloneWouldNotFitAreNotWrittenAndTheLastFileStays() throws Exception {
        JsonRoomStore store = new JsonRoomStore(dir, 20_000);
        store.save(rooms(1, 2, 0, 0));
        String before = Files.readString(dir.resolve(JsonRoomStore.FILE));
        JsonRoomStore.StateTooLargeException e = assertThrows(JsonRoomStore.StateTooLargeException.class,
                () -> store.save(rooms(10, 50, 5, 100)));
        assertTrue(e.getMessage().contains("not written, the last state file stays: raise --max-state-mb"), e.getMessage());
        assertEquals(before, Files.readString(dir.resolve(JsonRoomStore.FILE)));
        assertEquals(Optional.of(1), store.load().map(s -> s.rooms().size()));
    }
}
