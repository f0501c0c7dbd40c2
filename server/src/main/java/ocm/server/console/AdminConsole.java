package ocm.server.console;

import java.io.BufferedReader;
import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import ocm.server.admin.ServerAdmin;

/**
 * The operator's console on a running server: reads commands, runs them through the {@link CommandTable},
 * prints the answers, until the operator quits or input ends.
 *
 * <p>On a terminal it is a JLine line editor: prompt, history kept in {@code historyFile} across runs, Ctrl+R
 * search, Tab completion of commands, rooms and users; Ctrl+C clears the line; Ctrl+D (like /quit) shuts the
 * server down. Log lines from {@link #logHandler()} are printed above the prompt without disturbing the line
 * being typed.
 *
 * <p>When input is not a terminal (piped, scripted, a service) it reads plain lines and answers on the output.
 * End of piped input stops the console but NOT the server: a service started with {@code </dev/null}, or a
 * script that sent its commands, must leave the server running. Only /quit shuts it down from a pipe.
 */
public final class AdminConsole {
    /** How the console talks to the operator; AUTO picks INTERACTIVE when stdin and stdout are a terminal. */
    public enum Mode { AUTO, INTERACTIVE, PIPED }

    static final String PROMPT = "ocm> ";
    static final String WELCOME = "OCM admin console: /help lists the commands, Tab completes, /quit or Ctrl+D stops the server.";
    private static final Logger LOG = Logger.getLogger(AdminConsole.class.getName());

    private final ServerAdmin admin;
    private final CommandTable table;
    private final InputStream in;
    private final PrintStream out;
    private final Terminal terminal;
    private final LineReader reader;
    private final ConsoleLogHandler logHandler;
    private volatile boolean editorOpen;

    /**
     * A console on the given streams; a line editor when they are the process's terminal, plain lines otherwise.
     *
     * @param historyFile where the line editor keeps its history across runs; null keeps none
     */
    public AdminConsole(ServerAdmin admin, Path historyFile, InputStream in, PrintStream out) {
        this(admin, historyFile, in, out, Mode.AUTO);
    }

    /**
     * A console in a chosen mode. INTERACTIVE on streams other than the process's own runs the line editor
     * over a dumb terminal on them (how tests drive it).
     */
    public AdminConsole(ServerAdmin admin, Path historyFile, InputStream in, PrintStream out, Mode mode) {
        this(admin, java.util.Optional.empty(), historyFile, in, out, mode);
    }

    /** With the name commands (/names, /release, /link) over the server's name registry. */
    public AdminConsole(ServerAdmin admin, java.util.Optional<ocm.server.identity.NameOwners> names, Path historyFile,
                        InputStream in, PrintStream out, Mode mode) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.table = AdminCommands.table(admin);
        names.ifPresent(n -> NameCommands.register(table, n));
        boolean ownTerminal = in == System.in && out == System.out;
        this.terminal = resolve(mode, in) == Mode.INTERACTIVE ? openTerminal(ownTerminal, in, out) : null;
        this.reader = terminal == null ? null : lineReader(terminal, !ownTerminal, table, historyFile);
        this.editorOpen = reader != null;
        this.logHandler = new ConsoleLogHandler(this::print);
    }

    /** True when this console runs the line editor, false when it reads plain lines. */
    public boolean interactive() {
        return reader != null;
    }

    /** A logging handler printing the server's log lines where the operator sees them (above the prompt). */
    public Handler logHandler() {
        return logHandler;
    }

    /** Reads and runs commands until /quit, Ctrl+D or end of input. Never throws for anything the operator types. */
    public void run() {
        if (reader != null) {
            runInteractive();
        } else {
            runPiped();
        }
    }

    private void runInteractive() {
        try {
            print(WELCOME);
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl+C: the line is dropped, the server is untouched
                } catch (EndOfFileException e) {
                    print("shutting down...");
                    shutdown();
                    return;
                }
                if (execute(line)) {
                    return;
                }
            }
        } catch (IOError | UncheckedIOException e) {
            LOG.warning("console terminal failed, the server keeps running: " + e.getMessage());
        } finally {
            closeEditor();
        }
    }

    private void runPiped() {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                if (execute(line)) {
                    return;
                }
            }
            LOG.info("console input ended; the server keeps running (/quit or SIGTERM stops it)");
        } catch (IOException e) {
            LOG.warning("console input failed, the server keeps running: " + e.getMessage());
        }
    }

    /** Runs one line and prints its answer; returns true when the operator asked to quit (the server is then down). */
    private boolean execute(String line) {
        Reply reply;
        try {
            reply = table.run(line);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "console command failed", e);
            print("error: " + e);
            return false;
        }
        if (!reply.lines().isEmpty()) {
            print(reply.text());
        }
        if (reply.quitRequested()) {
            shutdown();
            return true;
        }
        return false;
    }

    private void shutdown() {
        try {
            admin.shutdown();
            print("server stopped");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "shutdown failed", e);
            print("shutdown failed: " + e);
        }
    }

    /** Prints text for the operator: through the line editor while it is open, so log lines cannot interleave. */
    private void print(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (editorOpen) {
            reader.printAbove(body);
        } else {
            out.println(body);
            out.flush();
        }
    }

    private void closeEditor() {
        editorOpen = false;
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            LOG.warning("cannot save console history: " + e.getMessage());
        }
        try {
            terminal.close();
        } catch (IOException e) {
            LOG.fine("closing the console terminal: " + e.getMessage());
        }
    }

    private static Mode resolve(Mode mode, InputStream in) {
        if (mode != Mode.AUTO) {
            return mode;
        }
        // Java 17: System.console() is non-null only when both stdin and stdout are a terminal.
        return in == System.in && System.console() != null ? Mode.INTERACTIVE : Mode.PIPED;
    }

    /** The process's terminal for its own streams, else a dumb terminal over the given ones; null if none opens. */
    private static Terminal openTerminal(boolean ownTerminal, InputStream in, PrintStream out) {
        try {
            if (ownTerminal) {
                return TerminalBuilder.builder().system(true).name("ocm-console").build();
            }
            return keyboardLike(new DumbTerminal("ocm-console", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.warning("no terminal for the console (" + e.getMessage() + "); reading plain lines");
            return null;
        }
    }

    /**
     * A dumb terminal knows no control characters; give it a keyboard's (Ctrl+C interrupts, Ctrl+D ends), so the
     * console behaves over plain streams as it does on a tty.
     */
    private static Terminal keyboardLike(Terminal terminal) {
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        attributes.setControlChar(Attributes.ControlChar.VEOF, 4);
        terminal.setAttributes(attributes);
        return terminal;
    }

    /** @param keyboard the terminal is our dumb one over plain streams, standing in for a keyboard */
    private static LineReader lineReader(Terminal terminal, boolean keyboard, CommandTable table, Path historyFile) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        LineReaderBuilder builder = LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("ocm")
            .parser(parser)
            .completer(new ConsoleCompleter(table))
            // "!" in an announcement is text, not a history reference.
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .variable(LineReader.HISTORY_SIZE, 1000)
            .variable(LineReader.HISTORY_FILE_SIZE, 1000);
        if (historyFile != null) {
            createParent(historyFile);
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        LineReader reader = builder.build();
        if (keyboard) {
            // JLine gives dumb terminals a keymap without editing keys; a real dumb terminal cannot show edits, but
            // over plain streams (tests, embedding) Tab, Ctrl+R and the history keys should work as on a tty.
            reader.getKeyMaps().put(LineReader.MAIN, reader.getKeyMaps().get(LineReader.EMACS));
        }
        return reader;
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                ocm.server.files.PrivateFiles.createDirectory(parent);
            }
            // Made 600 before JLine first writes it (it keeps an existing file's mode; its trims use 600 temp files).
            ocm.server.files.PrivateFiles.createFile(file);
        } catch (IOException e) {
            LOG.warning("console history will not be kept: " + e.getMessage());
        }
    }
}
