package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import ocm.server.testing.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console end to end: the line editor over a dumb terminal on in-memory streams, and piped mode. */
class AdminConsoleTest {
    private static final long WAIT_MS = 10_000;

    @TempDir
    Path dir;

    private final FakeServerAdmin admin = FakeServerAdmin.withLobby();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private Thread running;

    @AfterEach
    void stopConsole() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.interrupt();
            running.join(WAIT_MS);
        }
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Path history() {
        return dir.resolve("data").resolve("console_history");
    }

    private static InputStream keys(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private AdminConsole interactive(FakeServerAdmin a, InputStream in) {
        AdminConsole console = new AdminConsole(a, history(), in, out, AdminConsole.Mode.INTERACTIVE);
        assertTrue(console.interactive());
        return console;
    }

    private AdminConsole piped(String input) {
        AdminConsole console = new AdminConsole(admin, history(), keys(input), out, AdminConsole.Mode.PIPED);
        assertFalse(console.interactive());
        return console;
    }

    private void start(AdminConsole console) {
        running = new Thread(console::run, "ocm-console-test");
        running.start();
    }

    private static void await(String what, BooleanSupplier condition) {
        Waiting.await(what).atMost(WAIT_MS, TimeUnit.MILLISECONDS).until(condition::getAsBoolean);
    }

    private void awaitEnd() throws InterruptedException {
        running.join(WAIT_MS);
        assertFalse(running.isAlive(), "console still running");
    }

    @Test
    void interactiveSessionAnswersEachCommandAndQuitShutsTheServerDown() {
        interactive(admin, keys("/rooms\n/kick lobby bob spamming\n/romos\n/quit\n/save\n")).run();

        assertEquals(List.of("rooms", "kick lobby|bob|spamming", "shutdown"), admin.calls);
        String shown = output();
        assertTrue(shown.startsWith(AdminConsole.WELCOME + "\n" + AdminConsole.PROMPT + "ROOM     HOST"), shown);
        assertTrue(shown.contains("lobby    alice        3  no          1234  2h05m\n"), shown);
        assertTrue(shown.contains(AdminConsole.PROMPT + "kicked bob from lobby\n"), shown);
        assertTrue(shown.contains(AdminConsole.PROMPT + "unknown command /romos; did you mean /rooms?"), shown);
        assertTrue(shown.endsWith("shutting down...\nserver stopped\n"), shown);
    }

    @Test
    void ctrlDOnAnEmptyLineShutsTheServerDown() throws InterruptedException {
        FeedInputStream in = new FeedInputStream();
        start(interactive(admin, in));
        in.feed("/save\n\004");
        awaitEnd();
        assertEquals(List.of("save", "shutdown"), admin.calls);
        assertTrue(output().endsWith("state saved\n" + AdminConsole.PROMPT + "shutting down...\nserver stopped\n"),
            output());
    }

    @Test
    void ctrlCDropsTheLineBeingTypedAndTheConsoleGoesOn() {
        interactive(admin, keys("/kick lobby bob\003/save\n/quit\n")).run();
        assertEquals(List.of("save", "shutdown"), admin.calls);
    }

    @Test
    void tabCompletesCommandsRoomsWithSpacesAndUsers() {
        interactive(admin, keys("/sta\t\n/users my\t\n/kick lobby b\t too loud\n/quit\n")).run();
        assertTrue(admin.calls.contains("stats"), admin.calls.toString());
        assertTrue(admin.calls.contains("users my room"), admin.calls.toString());
        assertTrue(admin.calls.contains("kick lobby|bob|too loud"), admin.calls.toString());
        assertTrue(output().contains("carol  my room"), output());
    }

    @Test
    void ctrlRFindsAnEarlierCommand() {
        interactive(admin, keys("/bans lobby\n/rooms\n\022ban\n/quit\n")).run();
        assertEquals(List.of("bans lobby", "rooms", "bans lobby", "shutdown"), admin.calls);
    }

    @Test
    void historyIsKeptInTheFileAndReloadedByTheNextConsole() throws Exception {
        interactive(admin, keys("/bans lobby\n/quit\n")).run();
        String saved = Files.readString(history());
        assertTrue(saved.contains("/bans lobby"), saved);

        FakeServerAdmin next = FakeServerAdmin.withLobby();
        // Ctrl+P twice: back past "/quit" to "/bans lobby" from the previous run.
        interactive(next, keys("\020\020\n/quit\n")).run();
        assertEquals(List.of("bans lobby", "shutdown"), next.calls);
    }

    @Test
    void aServerBugIsOneLineAndTheConsoleGoesOn() {
        admin.bug = new IllegalStateException("relay gone");
        interactive(admin, keys("/rooms\n/save\n/quit\n")).run();
        assertTrue(output().contains("/rooms failed: java.lang.IllegalStateException: relay gone\n"), output());
        assertEquals(List.of("rooms", "save", "shutdown"), admin.calls);
    }

    @Test
    void logLinesArePrintedAboveThePromptWithoutBreakingTheLineBeingTyped() throws InterruptedException {
        FeedInputStream in = new FeedInputStream();
        AdminConsole console = interactive(admin, in);
        start(console);
        in.feed("/sa");
        await("the typed keys to be read", () -> in.available() == 0);
        console.logHandler().publish(new LogRecord(Level.INFO, "room lobby created by alice"));
        in.feed("ve\n");
        await("the typed line to run", () -> admin.calls.contains("save"));
        in.feed("/quit\n");
        awaitEnd();

        String shown = output();
        int log = shown.indexOf("INFO    room lobby created by alice\n");
        assertTrue(log >= 0, shown);
        assertTrue(shown.indexOf("state saved") > log, shown);
        assertEquals(List.of("save", "shutdown"), admin.calls);
    }

    @Test
    void pipedModeAnswersEachLineAndEndOfInputLeavesTheServerRunning() {
        piped("/save\n\n/kick lobby\n/romos\n/say * \"back soon\"\n").run();
        assertEquals("state saved\n"
            + "usage: /kick ROOM USER [reason]\n"
            + "unknown command /romos; did you mean /rooms? (/help lists all)\n"
            + "announced to 1 room\n", output());
        assertEquals(List.of("save", "say *|back soon"), admin.calls);
        assertEquals(1, admin.shutdownCalled.getCount(), "end of piped input must not stop the server");
    }

    @Test
    void pipedQuitShutsDownAndStopsReading() {
        piped("/save\n/quit\n/rooms\n").run();
        assertEquals("state saved\nshutting down...\nserver stopped\n", output());
        assertEquals(List.of("save", "shutdown"), admin.calls);
    }

    @Test
    void pipedLogLinesGoToTheOutput() {
        AdminConsole console = piped("");
        console.logHandler().publish(new LogRecord(Level.WARNING, "state file unreadable, moved aside"));
        assertTrue(output().endsWith("WARNING state file unreadable, moved aside\n"), output());
    }

    @Test
    void streamsThatAreNotTheProcessTerminalArePiped() {
        AdminConsole console = new AdminConsole(admin, history(), keys("/save\n"), out);
        assertFalse(console.interactive());
        console.run();
        assertEquals("state saved\n", output());
    }
}
