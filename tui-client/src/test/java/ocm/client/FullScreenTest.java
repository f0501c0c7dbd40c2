package ocm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import ocm.client.config.SettingsStore;
import ocm.client.testing.FakeChatService;
import ocm.client.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./chat client} full screen, run by ClientCommand on a virtual terminal that records its lifecycle. */
class FullScreenTest {
    @TempDir
    Path dir;

    /** A virtual terminal that remembers being put into and taken out of full-screen mode. */
    static final class RecordingTerminal extends DefaultVirtualTerminal {
        final List<String> calls = new CopyOnWriteArrayList<>();

        RecordingTerminal() {
            super(new TerminalSize(100, 30));
        }

        @Override
        public void enterPrivateMode() {
            calls.add("enterPrivateMode");
            super.enterPrivateMode();
        }

        @Override
        public void exitPrivateMode() {
            calls.add("exitPrivateMode");
            super.exitPrivateMode();
        }

        @Override
        public void close() {
            calls.add("close");
            super.close();
        }

        String text() {
            StringBuilder b = new StringBuilder();
            for (int r = 0; r < getTerminalSize().getRows(); r++) {
                for (int c = 0; c < getTerminalSize().getColumns(); c++) {
                    b.append(getCharacter(c, r).getCharacterString());
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    /** One run of the command in a thread; stderr captured. */
    private final class Run {
        final RecordingTerminal terminal = new RecordingTerminal();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Thread thread;
        volatile int code = -1;

        Run(FakeChatService service, String... args) {
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            ClientCommand cmd = new ClientCommand(new ByteArrayInputStream(new byte[0]), System.out, errStream,
                    new SettingsStore(dir.resolve("client.json")), (in, out) -> terminal, a -> service);
            thread = new Thread(() -> code = new CommandLine(cmd).execute(args), "full-screen-under-test");
            thread.start();
        }

        void awaitScreen(String needle) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!terminal.text().contains(needle)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the screen never showed '" + needle + "':\n" + terminal.text());
                }
                sleep();
            }
        }

        int exitCode() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!thread.isAlive(), "the client did not exit");
            return code;
        }

        String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void ctrlQGivesTheTerminalBack() throws Exception {
        Run run = new Run(new FakeChatService(), "--name", "alice");
        run.awaitScreen("Connect to a server");
        run.terminal.addInput(new KeyStroke('q', true, false));
        assertEquals(0, run.exitCode());
        assertRestored(run.terminal);
    }

    @Test
    void anExceptionInsideTheUiGivesTheTerminalBackAndSaysWhy() throws Exception {
        // Test hook: the network layer the chat screen wires up throws on the UI thread, past the
        // per-task guard (an Error, as a StackOverflowError in a view would).
        FakeChatService exploding = new FakeChatService();
        exploding.failOnSetListener = new Error("a screen failed (test hook)");
        Run run = new Run(exploding, "--name", "alice", "--join", "lobby");
        assertEquals(1, run.exitCode());
        assertRestored(run.terminal);
        assertTrue(run.stderr().contains("chat client: the screen failed"), run.stderr());
        assertTrue(run.stderr().contains("a screen failed (test hook)"), run.stderr());
        assertTrue(exploding.shutdown, "the network layer was not shut down");
    }

    private static void assertRestored(RecordingTerminal t) {
        int entered = t.calls.indexOf("enterPrivateMode");
        assertTrue(entered >= 0, "never entered full-screen mode: " + t.calls);
        assertTrue(t.calls.lastIndexOf("exitPrivateMode") > entered, "full-screen mode was not left: " + t.calls);
        assertTrue(t.calls.contains("close"), "the terminal (tty settings) was not closed: " + t.calls);
    }

    @Test
    void roomsAreLoggedBesideTheDataHomeAndNoLogWritesNothing() throws Exception {
        FakeChatService service = new FakeChatService();
        Run run = new Run(service, "--name", "alice", "--join", "lobby");
        run.awaitScreen("you joined lobby");
        service.emit(new ocm.client.net.NetEvent.Message("lobby", 1, System.currentTimeMillis(), false, "bob", "into the log"));
        run.awaitScreen("bob: into the log");
        run.terminal.addInput(new KeyStroke('q', true, false));
        assertEquals(0, run.exitCode());
        java.nio.file.Path log = dir.resolve("data").resolve("ocm").resolve("logs").resolve("127%2E0%2E0%2E1%3A9090")
                .resolve("lobby.log");
        String logged = java.nio.file.Files.readString(log); // written by the time the command returns
        assertTrue(logged.contains(" -- you joined lobby\n") && logged.contains(" bob: into the log\n"), logged);

        java.nio.file.Files.delete(log);
        FakeChatService quiet = new FakeChatService();
        Run unlogged = new Run(quiet, "--name", "alice", "--join", "lobby", "--no-log");
        unlogged.awaitScreen("you joined lobby");
        quiet.emit(new ocm.client.net.NetEvent.Message("lobby", 1, System.currentTimeMillis(), false, "bob", "not logged"));
        unlogged.awaitScreen("bob: not logged");
        unlogged.terminal.addInput(new KeyStroke('q', true, false));
        assertEquals(0, unlogged.exitCode());
        assertTrue(!java.nio.file.Files.exists(log), "--no-log wrote " + log);
    }

    @Test
    void themeLightDrawsOtherColoursThanDark() throws Exception {
        Theme dark = Theme.load("dark");
        Theme light = Theme.load("light");
        assertNotEquals(dark.background(), light.background(), "the themes must differ for this test to mean anything");
        TextCharacter darkTitle = titleDrawnWith("dark");
        TextCharacter lightTitle = titleDrawnWith("light");
        assertEquals(dark.foreground(), darkTitle.getForegroundColor());
        assertEquals(dark.background(), darkTitle.getBackgroundColor());
        assertEquals(light.foreground(), lightTitle.getForegroundColor());
        assertEquals(light.background(), lightTitle.getBackgroundColor());
    }

    /** Runs the connect screen with {@code --theme}; returns the first cell of its title as drawn. */
    private TextCharacter titleDrawnWith(String theme) throws Exception {
        Run run = new Run(new FakeChatService(), "--name", "alice", "--theme", theme);
        run.awaitScreen("Connect to a server");
        String[] rows = run.terminal.text().split("\n");
        TextCharacter title = null;
        for (int r = 0; r < rows.length && title == null; r++) {
            int c = rows[r].indexOf("Connect to a server");
            if (c >= 0) {
                title = run.terminal.getCharacter(c, r);
            }
        }
        run.terminal.addInput(new KeyStroke('q', true, false));
        assertEquals(0, run.exitCode());
        return title;
    }
}
