package ocm.client;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import ocm.client.config.ClientSettings;
import ocm.client.config.PreferencesStore;
import ocm.client.config.SettingsStore;
import ocm.client.log.ChatLogs;
import ocm.client.notify.Notifier;
import ocm.client.net.ChatClient;
import ocm.client.net.ClientException;
import ocm.client.net.RoomRequest;
import ocm.client.net.ServerAddress;
import ocm.client.plain.PlainMode;
import ocm.client.ui.BracketedPaste;
import com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal;
import ocm.client.ui.ClientApp;
import ocm.client.ui.ClientOptions;
import ocm.client.ui.ClientUi;
import ocm.client.ui.PairSafeUnixTerminal;
import ocm.client.ui.Theme;
import ocm.client.secure.PinnedTls;
import ocm.protocol.Names;
import ocm.protocol.ProtocolException;
import ocm.protocol.identity.Fingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./chat client}: the full-screen terminal client, or {@code --plain} line mode. Flags
 * prefill the connect screen; with --name and --create/--join it goes straight to the chat.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Run the terminal chat client.",
                "Full screen by default (F1 shows the keys); --plain reads lines from stdin and prints the chat."})
public final class ClientCommand implements Callable<Integer> {
    static final int EXIT_BAD_FLAGS = 2;
    /** How long the shutdown hook waits for the UI thread to finish its frame before giving up on the screen. */
    static final long RESTORE_WAIT_MILLIS = 2_000;

    @Option(names = "--server", paramLabel = "HOST", description = "server address (default: last used, else 127.0.0.1)")
    String server;
    @Option(names = "--tcp-port", paramLabel = "PORT", description = "server TCP port (default: last used, else 9090)")
    String tcpPort;
    @Option(names = "--udp-port", paramLabel = "PORT", description = "server UDP port (default: last used, else 9091)")
    String udpPort;
    @Option(names = "--name", paramLabel = "NAME", description = "your user name")
    String name;
    @Option(names = "--create", paramLabel = "ROOM", description = "create this room and go straight to it (needs --name)")
    String create;
    @Option(names = "--join", paramLabel = "ROOM", description = "join this room and go straight to it (needs --name)")
    String join;
    @Option(names = "--password", paramLabel = "PASSWORD", description = "password for --create or --join")
    String password;
    @Option(names = "--theme", paramLabel = "NAME", defaultValue = "dark", description = "colour theme: dark or light (default: ${DEFAULT-VALUE})")
    String theme;
    @Option(names = "--plain", description = "no full screen: read lines from stdin, print the chat to stdout")
    boolean plain;
    @Option(names = "--no-log", description = "do not log the rooms to disk (by default in $XDG_DATA_HOME/ocm/logs, else ~/.local/share/ocm/logs)")
    boolean noLog;

    @Option(names = "--accept-key", paramLabel = "SHA256:...",
            description = "accept this new key for the server deliberately (after its operator confirmed the fingerprint); it replaces the pinned one")
    String acceptKey;

    @Option(names = "--stay", description = "with --plain: keep reading stdin after the last room ended (by default the client then exits)")
    boolean stay;

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final SettingsStore store;
    private final TerminalOpener terminals;
    private final ClientApp.Connector connector;
    /** The environment: where logs go, which terminal this is (for desktop notifications). */
    private final java.util.Map<String, String> env;

    /** Opens the terminal the full screen runs on; tests pass a virtual one. */
    @FunctionalInterface
    interface TerminalOpener {
        Terminal open(InputStream in, PrintStream out) throws IOException;
    }

    public ClientCommand() {
        // UTF-8 whatever the locale: chat text is UTF-8 on the wire, and LANG=C would print '?'.
        this(System.in, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                System.err, SettingsStore.forUser(System.getenv()));
    }

    /** For tests and embedding: explicit streams and settings file. */
    public ClientCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, SettingsStore store) {
        this(stdin, stdout, stderr, store, ClientCommand::openRealTerminal, null, System.getenv());
    }

    /** TLS with the server's key pinned in {@code known_servers} beside the settings file. */
    private ChatClient secureClient(ServerAddress address, java.util.function.Consumer<String> notices) throws ClientException {
        Optional<Fingerprint> accept;
        try {
            accept = acceptKey == null ? Optional.empty() : Optional.of(Fingerprint.parse(acceptKey));
        } catch (ProtocolException e) {
            throw new ClientException("--accept-key: " + e.getMessage());
        }
        return new ChatClient(address, new PinnedTls(PinnedTls.pinFileBeside(store.file()), accept, notices));
    }

    /** For tests of the full screen: a given terminal and network layer. */
    ClientCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, SettingsStore store,
                  TerminalOpener terminals, ClientApp.Connector connector) {
        // Logs beside the test's settings folder, never in the home folder of whoever runs the tests.
        this(stdin, stdout, stderr, store, terminals, connector,
                java.util.Map.of("XDG_DATA_HOME", store.file().resolveSibling("data").toString()));
    }

    private ClientCommand(InputStream stdin, PrintStream stdout, PrintStream stderr, SettingsStore store,
                          TerminalOpener terminals, ClientApp.Connector connector, java.util.Map<String, String> env) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.store = store;
        this.terminals = terminals;
        // The full screen has no place for the first-contact line yet: it is pinned silently there (see docs/CLIENT.md).
        this.connector = connector != null ? connector : a -> secureClient(a, line -> { });
        this.env = env;
    }

    private static Terminal openRealTerminal(InputStream in, PrintStream out) throws IOException {
        Terminal terminal;
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            terminal = new DefaultTerminalFactory(out, in, StandardCharsets.UTF_8)
                    .setForceTextTerminal(true) // never a Swing window, even with DISPLAY set
                    .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                    .createTerminal();
        } else {
            // What the factory would make for a text terminal, but able to write emoji.
            terminal = new PairSafeUnixTerminal(in, out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        }
        allowCtrlQ();
        return terminal;
    }

    @Override
    public Integer call() {
        ClientSettings flags;
        Theme chosen;
        try {
            flags = parseFlags();
            chosen = Theme.load(theme);
        } catch (BadFlag | Theme.ThemeException e) {
            stderr.println("chat client: " + e.getMessage());
            return EXIT_BAD_FLAGS;
        }
        ClientSettings values = flags.or(store.load()).or(ClientSettings.DEFAULTS);
        Optional<String> pw = Optional.ofNullable(password);
        if (plain) {
            if (values.name() == null) {
                stderr.println("chat client: --plain needs --name");
                return EXIT_BAD_FLAGS;
            }
            return runPlain(values, pw);
        }
        return runFullScreen(values, chosen, pw);
    }

    private int runPlain(ClientSettings v, Optional<String> pw) {
        ChatClient client;
        try {
            client = secureClient(new ServerAddress(v.server(), v.tcpPort(), v.udpPort()), line -> stderr.println("chat client: " + line));
        } catch (ClientException e) {
            stderr.println("chat client: " + e.getMessage());
            return 1;
        }
        Optional<RoomRequest> first = create != null ? Optional.of(RoomRequest.create(create, v.name(), pw))
                : join != null ? Optional.of(RoomRequest.join(join, v.name(), pw)) : Optional.empty();
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        return new PlainMode(client, in, stdout, stderr, v.name(), stay).run(first);
    }

    private int runFullScreen(ClientSettings values, Theme chosen, Optional<String> pw) {
        quietConsoleLogging();
        Terminal terminal;
        Screen screen;
        try {
            terminal = terminals.open(stdin, stdout);
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            bracketPastes(terminal);
        } catch (IOException | RuntimeException e) {
            stderr.println("chat client: cannot use this terminal (" + e.getMessage() + "); try --plain");
            return 1;
        }
        ClientUi ui = new ClientUi(screen, chosen);
        Optional<ChatLogs> logs = noLog ? Optional.empty()
                : Optional.of(new ChatLogs(ChatLogs.defaultRoot(env), ChatLogs.DEFAULT_MAX_BYTES, java.time.ZoneId.systemDefault()));
        ClientOptions options = new ClientOptions(java.time.Clock.systemDefaultZone(), PreferencesStore.besides(store),
                new Notifier(signals(terminal), env), logs);
        ClientApp app = new ClientApp(ui, connector, store, banner(),
                new ClientApp.Start(values, Optional.ofNullable(create), Optional.ofNullable(join), pw), options);
        Thread restore = new Thread(() -> restoreOnExit(ui, screen, app), "ocm-restore");
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            ui.start();
            ui.post(app::begin);
            ui.awaitExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (terminal instanceof StreamBasedTerminal) {
                BracketedPaste.disable(stdout);
            }
            stopQuietly(screen);
            closeQuietly(terminal); // restores the tty settings now, not only at JVM exit (host mode goes on)
            logs.ifPresent(ChatLogs::close);
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway
            }
        }
        if (ui.failure().isPresent()) {
            // Said after the terminal is back, so the user can read it.
            app.leaveAllNow();
            stderr.println("chat client: the screen failed (" + ui.failure().get() + "); the terminal was restored");
            return 1;
        }
        return 0;
    }

    /**
     * The JVM shutdown hook's work (terminal closed, SIGTERM). The screen belongs to the UI thread,
     * which may be mid-refresh: ask it to stop and wait for it (a bounded time, the JVM is going),
     * and restore the screen only once it is gone; then leave every room.
     */
    /**
     * A real terminal is asked to bracket pastes, and its decoder to read the brackets, so the chat
     * screen can confirm a multi-line paste instead of sending each pasted line as typed.
     */
    private void bracketPastes(Terminal terminal) {
        if (terminal instanceof StreamBasedTerminal t) {
            t.getInputDecoder().addProfile(BracketedPaste.profile());
            BracketedPaste.enable(stdout);
        }
    }

    static void restoreOnExit(ClientUi ui, Screen screen, ClientApp app) {
        ui.stop();
        try {
            if (ui.awaitExit(RESTORE_WAIT_MILLIS)) {
                stopQuietly(screen);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.leaveAllNow();
    }

    /**
     * A log line written to the terminal would garble the full screen: drop the console handlers
     * only, so a file log (host mode writes the server's log to a file) keeps working.
     */
    private static void quietConsoleLogging() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                root.removeHandler(h);
            }
        }
    }

    /**
     * Ctrl+Q is XON to a terminal with flow control on, so it would never reach us. Lanterna saved
     * the terminal's settings before this and restores them on exit, flow control included.
     */
    private static void allowCtrlQ() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "stty -ixon < /dev/tty").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            // no stty: Ctrl+C and /quit still work
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ClientSettings parseFlags() throws BadFlag {
        Integer tcp = port(tcpPort, "--tcp-port");
        Integer udp = port(udpPort, "--udp-port");
        if (server != null && server.isBlank()) {
            throw new BadFlag("--server is empty");
        }
        if (name != null && Names.userProblem(name).isPresent()) {
            throw new BadFlag("--name: " + Names.userProblem(name).get());
        }
        if (create != null && join != null) {
            throw new BadFlag("use --create or --join, not both");
        }
        Optional<String> problem = create != null ? Names.newRoomProblem(create)
                : join != null ? Names.roomProblem(join) : Optional.empty();
        if (problem.isPresent()) {
            throw new BadFlag("room: " + problem.get());
        }
        if (password != null && create == null && join == null) {
            throw new BadFlag("--password needs --create or --join");
        }
        return new ClientSettings(server, tcp, udp, name);
    }

    private static Integer port(String value, String flag) throws BadFlag {
        if (value == null) {
            return null;
        }
        return ServerAddress.parsePort(value).orElseThrow(
                () -> new BadFlag(flag + " must be a port number from 1 to 65535, got '" + value + "'"));
    }

    static List<String> banner() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ClientCommand.class.getResourceAsStream("/ocm/assets/banner.txt")) {
            if (in != null) {
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().forEach(lines::add);
            }
        } catch (IOException e) {
            // no banner: the connect screen works without it
        }
        return lines.isEmpty() ? List.of("OCM - Online Chat Messenger") : lines;
    }

    /**
     * How the notifier reaches the terminal: the Unix terminal takes any escape; another (Windows,
     * a virtual one) only rings its bell.
     */
    private static Notifier.Signals signals(Terminal terminal) {
        return bytes -> {
            try {
                if (terminal instanceof PairSafeUnixTerminal) {
                    ((PairSafeUnixTerminal) terminal).writeControl(bytes);
                } else if (bytes.length > 0 && bytes[0] == 0x07) {
                    terminal.bell();
                }
            } catch (IOException e) {
                // the terminal is going away; a missed bell is no loss
            }
        };
    }

    private static void stopQuietly(Screen screen) {
        try {
            // Blank the screen before leaving it: after a resize, tmux gives back rows of the
            // full screen's buffer below the old size, and they would stay on the terminal.
            screen.clear();
            screen.refresh(Screen.RefreshType.COMPLETE);
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // the terminal is gone; nothing left to restore
        }
    }

    private static void closeQuietly(Terminal terminal) {
        try {
            terminal.close();
        } catch (IOException | RuntimeException e) {
            // the terminal is gone; nothing left to restore
        }
    }

    /** A flag value that cannot be used. */
    private static final class BadFlag extends Exception {
        BadFlag(String message) {
            super(message);
        }
    }
}
