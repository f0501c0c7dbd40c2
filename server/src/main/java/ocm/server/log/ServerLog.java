package ocm.server.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import ocm.protocol.TerminalText;

/**
 * Logging set-up for the server, in one place: the "ocm" logger, one line per event through
 * {@link OneLine}. Every sink (stderr, the console's handler added with {@link #addHandler}, host
 * mode's log file) is written by the one {@link AsyncLogHandler} on that logger, so nothing a sink
 * does can block the thread that logs. {@link #removeConsoleHandler} takes the stderr sink away.
 */
public final class ServerLog {
    public static final String ROOT = "ocm";
    private final Logger root = Logger.getLogger(ROOT);
    private final AsyncLogHandler queue = queueOf(root);
    private Handler stderr;

    /**
     * The queue on the "ocm" logger, made and attached on first use: every ServerLog of a process
     * shares it (JUL's logger is process-wide anyway), so there is one writer thread and one count.
     */
    private static AsyncLogHandler queueOf(Logger root) {
        synchronized (ServerLog.class) {
            return installed(root).orElseGet(() -> {
                AsyncLogHandler q = new AsyncLogHandler();
                root.addHandler(q);
                return q;
            });
        }
    }

    private static Optional<AsyncLogHandler> installed(Logger root) {
        for (Handler h : root.getHandlers()) {
            if (h instanceof AsyncLogHandler) {
                return Optional.of((AsyncLogHandler) h);
            }
        }
        return Optional.empty();
    }

    /** Log lines dropped because a sink could not keep up (0 before logging is set up); /stats and metrics show it. */
    public static long droppedLines() {
        return installed(Logger.getLogger(ROOT)).map(AsyncLogHandler::dropped).orElse(0L);
    }

    /** The queue every sink is written through (for tests and metrics). */
    public AsyncLogHandler queue() {
        return queue;
    }

    /** Logs to stderr at {@code level}, replacing JUL's default two-line format. */
    public void install(Level level) {
        install(level, new OneLine());
    }

    /** Logs to stderr at {@code level} in {@code format} ({@link OneLine}, or {@link JsonLines} for log collectors). */
    public void install(Level level, Formatter format) {
        level(level);
        if (stderr == null) {
            stderr = new ConsoleHandler();
            stderr.setFormatter(format);
            stderr.setLevel(Level.ALL);
            queue.addSink(stderr);
        }
    }

    /** Logs at {@code level} to the sinks added here only (not to JUL's root handler). */
    public void level(Level level) {
        root.setUseParentHandlers(false);
        root.setLevel(level);
    }

    public void addHandler(Handler handler) {
        if (handler.getFormatter() == null || handler.getFormatter().getClass() == java.util.logging.SimpleFormatter.class) {
            handler.setFormatter(new OneLine());
        }
        queue.addSink(handler);
    }

    public void removeHandler(Handler handler) {
        queue.removeSink(handler);
    }

    public void removeConsoleHandler() {
        if (stderr != null) {
            queue.removeSink(stderr);
            stderr = null;
        }
    }

    /** {@code 09:14:03.120 INFO    rooms: alice joined 'lobby'}: the level in a column of 8, then the logger's last name. */
    public static final class OneLine extends Formatter {
        /** A log line stays one screen line or so, whatever a client sends. */
        static final int MAX_MESSAGE_CHARS = 600;
        private static final int LEVEL_COLUMN = 8;
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(120);
            sb.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ');
            String level = r.getLevel().getName();
            // The longest level name (WARNING) has 7 letters; a column of 8 keeps a space after every one.
            sb.append(level).append(' ');
            for (int i = level.length() + 1; i < LEVEL_COLUMN; i++) {
                sb.append(' ');
            }
            String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
            // Names in log lines come from the network: no escape sequence may reach the operator's terminal.
            sb.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
                    .append(TerminalText.safe(formatMessage(r), MAX_MESSAGE_CHARS));
            if (r.getThrown() != null) {
                sb.append(" (").append(r.getThrown()).append(')');
            }
            sb.append(System.lineSeparator());
            return sb.toString();
        }
    }
}
