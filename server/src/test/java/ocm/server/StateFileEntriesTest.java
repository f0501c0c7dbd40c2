package ocm.server;

import ocm.server.config.ServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.server.admin.BanView;
import ocm.server.admin.RoomView;
import ocm.server.admin.UserView;
import ocm.server.store.JsonRoomStore;
import ocm.server.testing.TcrpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, cases 5 and 6: a hand-edited state file that is valid JSON but holds a null where a value
 * belongs, or a password cost of 0 or 2,000,000,000 iterations, loses those entries (each named in
 * the log), not the start, and a join elsewhere is answered at once.
 */
class StateFileEntriesTest {
    @TempDir
    Path dir;

    private static String member(String name) {
        return "{\"name\":\"" + name + "\",\"tokenHash\":\"h-" + name + "\",\"address\":null,\"protocol\":1,"
                + "\"joinedAt\":1,\"lastHeard\":1}";
    }

    private static String room(String name, String password, String members, String bans, String history) {
        return "{\"name\":\"" + name + "\",\"host\":\"alice\"," + password + "\"createdAt\":1,\"nextMsgId\":10,"
                + "\"messagesRelayed\":3,\"msgIdReserved\":10,\"members\":[" + members + "],\"bans\":[" + bans + "],"
                + "\"history\":[" + history + "]}";
    }

    private static String locked(int iterations) {
        return "\"passwordSalt\":\"c2FsdA==\",\"passwordHash\":\"aGFzaA==\",\"passwordIterations\":" + iterations + ",";
    }

    @Test
    void badEntriesAreSkippedAndNamedAndTheServerStarts() throws Exception {
        String good = room("lobby", "", member("alice") + ",null," + member("bob") + ",{\"name\":null,\"tokenHash\":\"x\",\"protocol\":1}",
                "{\"name\":null,\"address\":\"10.0.0.9\",\"reason\":\"x\"},{\"name\":\"mallory\",\"address\":null,\"reason\":\"spam\"}",
                "{\"msgId\":1,\"timestamp\":1,\"action\":false,\"sender\":null,\"text\":\"ghost\"},"
                        + "{\"msgId\":2,\"timestamp\":2,\"action\":false,\"sender\":\"alice\",\"text\":\"kept\"}");
        String free = room("free", locked(0), member("alice"), "", "");
        String costly = room("costly", locked(2_000_000_000), member("alice"), "", "");
        Files.writeString(dir.resolve(JsonRoomStore.FILE), "{\"version\":1,\"savedAt\":1,\"rooms\":[" + good + "," + free + ","
                + costly + ",null]}", StandardCharsets.UTF_8);

        List<String> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (warnings) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger storeLog = Logger.getLogger("ocm.server.store");
        storeLog.addHandler(capture);
        ChatServer server;
        try {
            server = new ChatServer(ServerConfig.forTests().withDataDir(Optional.of(dir))).start();
        } finally {
            storeLog.removeHandler(capture);
        }
        try {
            assertEquals(List.of("lobby"), server.admin().rooms().stream().map(RoomView::name).toList());
            assertEquals(List.of("alice", "bob"), server.admin().users(Optional.of("lobby")).stream().map(UserView::name).toList());
            assertEquals(List.of("mallory"), server.admin().bans("lobby").stream().map(BanView::name).toList());
            String all = String.join("\n", warnings);
            for (String named : List.of("skipped member #2 of room 'lobby': null", "skipped member #4 of room 'lobby'",
                    "skipped ban #1 of room 'lobby': no name", "skipped history message #1 (id 1) of room 'lobby': no sender",
                    "skipped room 'free': passwordIterations 0 is outside 1..600000",
                    "skipped room 'costly': passwordIterations 2000000000 is outside 1..600000", "skipped room #4: null")) {
                assertTrue(all.contains(named), "expected a warning containing \"" + named + "\" in:\n" + all);
            }
            assertTrue(Files.exists(dir.resolve(JsonRoomStore.FILE)), "the file was read, not moved aside");
            TcrpClient tcrp = new TcrpClient(server.tcpPort());
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertEquals(ErrorCode.NO_SUCH_ROOM, tcrp.join("costly", "eve", Optional.of("guess"), 2).refusal().error());
                assertEquals(ErrorCode.NO_SUCH_ROOM, tcrp.join("costly", "eve", Optional.of("guess"), 2).refusal().error());
                assertTrue(tcrp.join("lobby", "carol").ok(), "a join elsewhere is answered");
            });
        } finally {
            server.close();
        }
    }
}
