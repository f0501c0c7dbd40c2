package ocm.client.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import ocm.client.config.SettingsStore;

/**
 * Runs the real screens on Lanterna's virtual terminal: the test types keys and reads the
 * screen as text. Waits are for conditions, with a generous limit, never for durations.
 */
final class UiHarness implements AutoCloseable {
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final ClientUi ui;
    final ClientApp app;
    final SettingsStore store;

    UiHarness(ClientApp.Connector connector, ClientApp.Start start, Path dir, TerminalSize size) throws Exception {
        this(connector, start, dir, size, null);
    }

    /** With {@code options} (a fixed clock, a recording notifier, logs); null for the quiet defaults. */
    UiHarness(ClientApp.Connector connector, ClientApp.Start start, Path dir, TerminalSize size,
              java.util.function.Function<SettingsStore, ClientOptions> options) throws Exception {
        terminal = new DefaultVirtualTerminal(size);
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        store = new SettingsStore(dir.resolve("ocm").resolve("client.json"));
        ui = new ClientUi(screen, Theme.load("dark"));
        app = new ClientApp(ui, connector, store, List.of("  OCM banner line", "  Online Chat Messenger"), start,
                options == null ? ClientOptions.quiet(store) : options.apply(store));
        ui.start();
        ui.post(app::begin);
    }

    /** The connect screen with the defaults filled in, waiting for a name. */
    static UiHarness connectScreen(ClientApp.Connector connector, Path dir, TerminalSize size) throws Exception {
        UiHarness h = new UiHarness(connector, new ClientApp.Start(ocm.client.config.ClientSettings.DEFAULTS,
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()), dir, size);
        h.await("Connect to a server");
        return h;
    }

    /** Straight into the chat (--name alice --join room), its link shown live. */
    static UiHarness chatIn(ocm.client.testing.FakeChatService fake, String room, Path dir, TerminalSize size)
            throws Exception {
        ocm.client.config.ClientSettings v = new ocm.client.config.ClientSettings("127.0.0.1", 9090, 9091, "alice");
        UiHarness h = new UiHarness(a -> fake, new ClientApp.Start(v, java.util.Optional.empty(),
                java.util.Optional.of(room), java.util.Optional.empty()), dir, size);
        h.await("you joined " + room);
        fake.emit(new ocm.client.net.NetEvent.Status(room, ocm.client.net.NetEvent.LinkState.LIVE, 12, 0));
        h.await("[connected] · " + room);
        return h;
    }

    /** Straight into the chat with {@code options}, its link shown live. */
    static UiHarness chatIn(ocm.client.testing.FakeChatService fake, String room, Path dir, TerminalSize size,
                            java.util.function.Function<SettingsStore, ClientOptions> options) throws Exception {
        ocm.client.config.ClientSettings v = new ocm.client.config.ClientSettings("127.0.0.1", 9090, 9091, "alice");
        UiHarness h = new UiHarness(a -> fake, new ClientApp.Start(v, java.util.Optional.empty(),
                java.util.Optional.of(room), java.util.Optional.empty()), dir, size, options);
        h.await("you joined " + room);
        fake.emit(new ocm.client.net.NetEvent.Status(room, ocm.client.net.NetEvent.LinkState.LIVE, 12, 0));
        h.await("[connected] · " + room);
        return h;
    }

    /**
     * The screen as a picture of which cells are marked: {@code #} for a cell in the selection's
     * colours, {@code +} for one drawn reversed, a space otherwise (search marks, the focused list).
     */
    String marks(Theme t) {
        CompletableFuture<String> read = new CompletableFuture<>();
        ui.post(() -> {
            TerminalSize size = terminal.getTerminalSize();
            StringBuilder b = new StringBuilder();
            for (int r = 0; r < size.getRows(); r++) {
                for (int c = 0; c < size.getColumns(); c++) {
                    com.googlecode.lanterna.TextCharacter ch = terminal.getCharacter(c, r);
                    boolean blank = ch.getCharacterString().isBlank();
                    b.append(blank ? ' ' : ch.getBackgroundColor().equals(t.selectedBackground()) ? '#'
                            : ch.getModifiers().contains(com.googlecode.lanterna.SGR.REVERSE) ? '+' : ' ');
                }
                b.append('\n');
            }
            read.complete(b.toString());
        });
        try {
            return read.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the UI thread did not answer", e);
        }
    }

    void type(String text) {
        text.codePoints().forEach(cp -> {
            for (char ch : Character.toChars(cp)) {
                terminal.addInput(new KeyStroke(ch, false, false));
            }
        });
    }

    void key(KeyType type) {
        terminal.addInput(new KeyStroke(type));
    }

    void ctrl(char c) {
        terminal.addInput(new KeyStroke(c, true, false));
    }

    void alt(char c) {
        terminal.addInput(new KeyStroke(c, false, true));
    }

    void line(String text) {
        type(text);
        key(KeyType.Enter);
    }

    /**
     * The screen as text, read on the UI thread between two of its refreshes, so a test never
     * sees a half-drawn screen. Once the UI thread has stopped, the terminal is read directly.
     */
    String text() {
        CompletableFuture<String> read = new CompletableFuture<>();
        ui.post(() -> read.complete(snapshot()));
        try {
            return read.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return snapshot();
        } catch (ExecutionException | TimeoutException e) {
            return snapshot();
        }
    }

    private String snapshot() {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < size.getRows(); r++) {
            for (int c = 0; c < size.getColumns(); c++) {
                com.googlecode.lanterna.TextCharacter ch = terminal.getCharacter(c, r);
                b.append(ch.getCharacterString());
                if (ch.isDoubleWidth()) {
                    c++; // the next cell is the right half of the same character
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The screen column (not char index) of the last {@code ch} in a row of {@link #text()}. */
    static int lastColumnOf(String row, char ch) {
        int i = row.lastIndexOf(ch);
        return i < 0 ? -1 : com.googlecode.lanterna.TerminalTextUtils.getColumnWidth(row.substring(0, i));
    }

    /** The row of the screen that contains {@code needle}, or null. */
    String row(String needle) {
        for (String r : text().split("\n")) {
            if (r.contains(needle)) {
                return r;
            }
        }
        return null;
    }

    String await(String needle) {
        return awaitScreen(s -> s.contains(needle), "'" + needle + "'");
    }

    String awaitGone(String needle) {
        return awaitScreen(s -> !s.contains(needle), "no '" + needle + "'");
    }

    String awaitScreen(Predicate<String> ok, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String s = text();
        while (System.nanoTime() < deadline) {
            s = text();
            if (ok.test(s)) {
                return s;
            }
            sleep();
        }
        throw new AssertionError("screen never showed " + what + "; it shows:\n" + s);
    }

    void awaitCondition(java.util.function.BooleanSupplier ok, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (ok.getAsBoolean()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("never happened: " + what + "; screen:\n" + text());
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        ui.stop();
        ui.awaitExit();
        screen.stopScreen();
    }
}
