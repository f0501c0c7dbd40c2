package ocm.server.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import ocm.protocol.TerminalText;

/**
 * Logging set-up for the server, in one place: the "ocm" logger, one line per event through
 * {@link OneLine}. The console adds its own handler (printing above its prompt) with
 * {@link #addHandler} and may remove the stderr one with {@link #removeConsoleHandler}.
 */
public final class ServerLog {
    public static final String ROOT = "ocm";
    private final Logger root = Logger.getLogger(ROOT);
    private Handler stderr;

    /** Logs to stderr at {@code level}, replacing JUL's default two-line format. */
    public void install(Level level) {
        install(level, new OneLine());
    }

    /** Logs to stderr at {@code level} in {@code format} ({@link OneLine}, or {@link JsonLines} for log collectors). */
    public void install(Level level, Formatter format) {
        root.setUseParentHandlers(false);
        root.setLevel(level);
        if (stderr == null) {
            stderr = new ConsoleHandler();
            stderr.setFormatter(format);
            stderr.setLevel(Level.ALL);
            root.addHandler(stderr);
        }
    }

    public void addHandler(Handler handler) {
        if (handler.getFormatter() == null || handler.getFormatter().getClass() == java.util.logging.SimpleFormatter.class) {
            handler.setFormatter(new OneLine());
        }
        root.addHandler(handler);
    }

    public void removeHandler(Handler handler) {
        root.removeHandler(handler);
    }

    public void removeConsoleHandler() {
        if (stderr != null) {
            root.removeHandler(stderr);
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
