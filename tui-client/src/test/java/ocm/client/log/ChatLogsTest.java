package ocm.client.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatLogsTest {
    @TempDir
    Path dir;

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void eachRoomGetsOneLinePerMessageWithDateAndTimeReadableOnlyByTheUser() throws Exception {
        Path root = dir.resolve("ocm").resolve("logs");
        ChatLogs logs = new ChatLogs(root, ChatLogs.DEFAULT_MAX_BYTES, ZoneOffset.UTC);
        logs.append("127.0.0.1:9090", "lobby", at("2026-12-03T09:28:05Z"), "alice: hi");
        logs.append("127.0.0.1:9090", "lobby", at("2026-12-03T09:28:09Z"), "bob: two\nlines");
        logs.append("127.0.0.1:9090", "rust", at("2026-12-03T09:30:00Z"), "-- carol joined");
        logs.close();
        Path lobby = root.resolve("127%2E0%2E0%2E1%3A9090").resolve("lobby.log");
        assertEquals(lobby, logs.file("127.0.0.1:9090", "lobby"));
        assertEquals(List.of("2026-12-03 09:28:05 alice: hi", "2026-12-03 09:28:09 bob: two lines"),
                Files.readAllLines(lobby, StandardCharsets.UTF_8));
        assertEquals(List.of("2026-12-03 09:30:00 -- carol joined"),
                Files.readAllLines(logs.file("127.0.0.1:9090", "rust"), StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lobby)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lobby.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
    }

    @Test
    void aFileOverTheLimitBecomesDotOneAndTheOlderDotOneGoes() throws Exception {
        ChatLogs logs = new ChatLogs(dir, 100, ZoneOffset.UTC);
        for (int i = 0; i < 12; i++) {
            logs.append("s", "r", at("2026-12-03T09:00:00Z"), String.format("line %02d", i)); // 28 bytes each
        }
        logs.close();
        Path f = logs.file("s", "r");
        Path old = f.resolveSibling("r.log.1");
        assertTrue(Files.size(f) <= 100 && Files.size(old) <= 100);
        List<String> last = Files.readAllLines(f);
        assertTrue(last.get(last.size() - 1).endsWith("line 11"), last.toString());
        assertFalse(Files.exists(f.resolveSibling("r.log.2")));
        List<String> both = new java.util.ArrayList<>(Files.readAllLines(old));
        both.addAll(last);
        assertTrue(both.get(0).endsWith(String.format("line %02d", 12 - both.size())), both.toString());
    }

    @Test
    void fileNamesAreSafeForAnyRoomNameAndGiveTheNameBack() {
        for (String name : List.of("..", ".hidden", "a/b", "../../etc/passwd", "con\u0000trol\u001b[2J", "General 日本",
                "100%", "a\\b", "-")) {
            String file = LogNames.encode(name);
            assertTrue(file.matches("[A-Za-z0-9_%-]+"), name + " -> " + file);
            assertEquals(name, LogNames.decode(file));
        }
        Random random = new Random(14);
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(20);
            for (int j = 0; j < length; j++) {
                b.appendCodePoint(random.nextInt(0x3000));
            }
            String name = b.toString().replaceAll("[\\uD800-\\uDFFF]", "x");
            assertEquals(name, LogNames.decode(LogNames.encode(name)));
        }
    }

    @Test
    void aVeryLongNameIsCutWithAHashSoTwoLongNamesStayApart() {
        String a = "日".repeat(200) + "a";
        String b = "日".repeat(200) + "b";
        String fa = LogNames.encode(a);
        assertTrue(fa.length() <= LogNames.MAX, fa);
        assertTrue(fa.matches("[A-Za-z0-9_%-]+~[0-9a-f]{16}"), fa);
        assertFalse(fa.equals(LogNames.encode(b)));
    }

    @Test
    void theDefaultPlaceFollowsXdgDataHome() {
        assertEquals(Path.of("/x/ocm/logs"), ChatLogs.defaultRoot(Map.of("XDG_DATA_HOME", "/x")));
        assertEquals(Path.of(System.getProperty("user.home"), ".local", "share", "ocm", "logs"), ChatLogs.defaultRoot(Map.of()));
    }
}
