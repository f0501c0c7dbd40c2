package ocm.client.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import ocm.client.net.NetEvent;
import ocm.client.net.RoomRequest;
import ocm.client.testing.FakeChatService;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import org.junit.jupiter.api.Test;

class PlainModeTest {
    private final FakeChatService fake = new FakeChatService();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String output() {
        synchronized (out) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private String errors() {
        synchronized (out) {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void await(BooleanSupplier ok, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void linesAreSentAndEventsPrinted() throws Exception {
        PipedWriter w = new PipedWriter();
        // --stay: input is still read after the room ended.
        PlainMode plain = new PlainMode(fake, new BufferedReader(new PipedReader(w)), out, err, "alice", true);
        int[] code = {-1};
        Thread t = new Thread(() -> code[0] = plain.run(Optional.of(RoomRequest.join("lobby", "alice", Optional.empty()))));
        t.start();
        await(() -> output().contains("-- joined lobby as alice"), "joined line");
        fake.emit(new NetEvent.Message("lobby", 1, 0, false, "bob", "hi alice"));
        fake.emit(new NetEvent.Message("lobby", 2, 0, true, "bob", "waves"));
        fake.emit(new NetEvent.RoomEvent("lobby", 0, EventKind.JOINED, "carol", ""));
        await(() -> output().contains("* carol joined"), "event line");
        w.write("hello bob\n/me smiles\n");
        w.flush();
        await(() -> fake.sent.size() == 2, "two sends");
        fake.sent.forEach(s -> fake.emit(new NetEvent.Delivered("lobby", s.id(), 9, 0)));
        fake.emit(new NetEvent.Ended("lobby", Optional.of(EndReason.HOST_LEFT), ""));
        await(() -> output().contains("-- room closed: host left"), "closed line");
        w.write("still there?\n");
        w.close();
        t.join(10_000);
        assertEquals(0, code[0]);
        assertEquals("hello bob", fake.sent.get(0).text());
        assertTrue(fake.sent.get(1).action());
        assertEquals(2, fake.sent.size());
        List<String> lines = output().lines().toList();
        assertTrue(lines.contains("bob: hi alice"), output());
        assertTrue(lines.contains("* bob waves"), output());
        assertTrue(lines.contains("-- this room is read-only: it has ended"), output());
        assertTrue(fake.shutdown);
    }

    @Test
    void refusedJoinIsExitCode1() {
        fake.refuse.add("secret");
        PlainMode plain = new PlainMode(fake, new BufferedReader(new StringReader("")), out, err, "alice", false);
        assertEquals(1, plain.run(Optional.of(RoomRequest.join("secret", "alice", Optional.empty()))));
        assertTrue(output().contains("-- cannot join secret: wrong password for secret"), output());
    }

    @Test
    void commandsWorkAndErrorsArePrinted() throws IOException {
        String input = "/create den\n/members\n/kick\n/nope\n/quit\nnot sent\n";
        PlainMode plain = new PlainMode(fake, new BufferedReader(new StringReader(input)), out, err, "alice", false);
        assertEquals(0, plain.run(Optional.empty()));
        String s = output();
        assertTrue(s.contains("-- created den as alice"), s);
        assertTrue(s.contains("-- 1 in den: @alice"), s); // the creator is the host
        assertTrue(s.contains("-- usage: /kick USER [REASON]"), s);
        assertTrue(s.contains("-- unknown command /nope"), s);
        assertTrue(fake.sent.isEmpty());
    }

    @Test
    void membersMarksTheHostBeforeAndAfterTheServersMemberList() throws Exception {
        PipedWriter w = new PipedWriter();
        PlainMode plain = new PlainMode(fake, new BufferedReader(new PipedReader(w)), out, err, "pl", false);
        Thread t = new Thread(() -> plain.run(Optional.of(RoomRequest.join("room", "pl", Optional.empty()))));
        t.start();
        await(() -> output().contains("-- joined room as pl"), "joined line");
        w.write("/members\n"); // before any member list: the fake admits pl to bob's room
        w.flush();
        await(() -> output().contains("-- 2 in room:"), "first /members");
        fake.emit(new NetEvent.Members("room", List.of(new Packet.Member("zed", true, false),
                new Packet.Member("pl", false, false))));
        w.write("/members\n");
        w.close();
        t.join(30_000);
        List<String> lines = output().lines().toList();
        assertTrue(lines.contains("-- 2 in room: @bob, pl"), output());
        assertTrue(lines.contains("-- 2 in room: @zed, pl"), output());
    }

    @Test
    void notDeliveredSaysWhichLineFailedShortened() throws Exception {
        PipedWriter w = new PipedWriter();
        PlainMode plain = new PlainMode(fake, new BufferedReader(new PipedReader(w)), out, err, "alice", false);
        int[] code = {-1};
        Thread t = new Thread(() -> code[0] = plain.run(Optional.of(RoomRequest.join("lobby", "alice", Optional.empty()))));
        t.start();
        await(() -> output().contains("-- joined lobby as alice"), "joined line");
        String longLine = "this line is much too long to be quoted whole in a notice";
        w.write("short one\n" + longLine + "\n");
        w.flush();
        await(() -> fake.sent.size() == 2, "two sends");
        fake.emit(new NetEvent.NotDelivered("lobby", fake.sent.get(1).id(), "the room ended first"));
        fake.emit(new NetEvent.NotDelivered("lobby", fake.sent.get(0).id(), "the room ended first"));
        w.close();
        t.join(30_000);
        // On stderr, not mixed into the chat on stdout; and the exit status says so.
        List<String> lines = errors().lines().toList();
        assertTrue(lines.contains("-- not delivered: \"" + longLine.substring(0, PlainMode.QUOTE_CODE_POINTS)
                + "…\" (the room ended first)"), errors());
        assertTrue(lines.contains("-- not delivered: \"short one\" (the room ended first)"), errors());
        assertFalse(output().contains("not delivered"), output());
        assertEquals(PlainMode.EXIT_NOT_DELIVERED, code[0]);
    }

    @Test
    void aReaderExitsWhenItsLastRoomEnds() throws Exception {
        PipedWriter w = new PipedWriter(); // never closed: the input does not end
        PlainMode plain = new PlainMode(fake, new BufferedReader(new PipedReader(w)), out, err, "bob", false);
        int[] code = {-1};
        Thread t = new Thread(() -> code[0] = plain.run(Optional.of(RoomRequest.join("lobby", "bob", Optional.empty()))));
        t.start();
        await(() -> output().contains("-- joined lobby as bob"), "joined line");
        fake.emit(new NetEvent.Ended("lobby", Optional.of(EndReason.HOST_LEFT), ""));
        t.join(10_000);
        assertFalse(t.isAlive(), "still waiting for input after its only room closed");
        assertEquals(0, code[0]);
        assertTrue(output().lines().toList().contains("-- room closed: host left"), output());
        assertTrue(fake.shutdown);
    }

    @Test
    void quoteCutsWholeCodePoints() {
        String emoji = "😀".repeat(PlainMode.QUOTE_CODE_POINTS + 5);
        assertEquals("\"" + "😀".repeat(PlainMode.QUOTE_CODE_POINTS) + "…\"", PlainMode.quote(emoji));
    }

    @Test
    void bidiOverridesAndMarkSmearsAreNotPrinted() throws Exception {
        PipedWriter w = new PipedWriter();
        PlainMode plain = new PlainMode(fake, new BufferedReader(new PipedReader(w)), out, err, "alice", false);
        Thread t = new Thread(() -> plain.run(Optional.of(RoomRequest.join("lobby", "alice", Optional.empty()))));
        t.start();
        await(() -> output().contains("-- joined lobby as alice"), "joined line");
        fake.emit(new NetEvent.Message("lobby", 1, 0, false, "bob", "abc\u202Edef\u2067g\u2069\u200Fh\uFEFFi end1"));
        fake.emit(new NetEvent.Message("lobby", 2, 0, false, "bob", "x" + "\u0301".repeat(200) + " end2"));
        fake.emit(new NetEvent.Message("lobby", 3, 0, false, "bob",
                "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 end3"));
        await(() -> output().contains("end3"), "three lines");
        w.write("/quit\n");
        w.close();
        t.join(10_000);
        List<String> lines = output().lines().toList();
        assertTrue(lines.contains("bob: abcdefghi end1"), output());
        assertTrue(lines.contains("bob: x\u0301\u0301 end2"), output()); // two marks kept, not 200
        // Emoji and their joiners print as they are: a line terminal draws them itself.
        assertTrue(lines.contains("bob: family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 end3"), output());
    }
}
