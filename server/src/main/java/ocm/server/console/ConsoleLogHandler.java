package ocm.server.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Routes the server's java.util.logging records to the console while it runs: each record becomes one
 * line ("10:02:03 INFO  room lobby created") handed to a sink, which prints it above the prompt in the line
 * editor or straight to the output when piped. A failing sink never reaches the code that logged.
 */
public final class ConsoleLogHandler extends Handler {
    private final Consumer<String> sink;

    public ConsoleLogHandler(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        setFormatter(new LineFormatter(ZoneId.systemDefault()));
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line;
        try {
            // Any formatter may be set (the server's ends lines with a separator); the sink wants the bare line.
            line = trimLineEnd(getFormatter().format(record));
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            sink.accept(line);
        } catch (RuntimeException e) {
            reportError("cannot print a log line", e, ErrorManager.WRITE_FAILURE);
        }
    }

    private static String trimLineEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    @Override
    public void flush() {
        // Every line is handed over as it is published.
    }

    @Override
    public void close() {
        // The sink belongs to the console, which closes its own terminal.
    }

    /** One line per record: local time, level, message, and the exception's one-line form if any. */
    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
        private final ZoneId zone;

        LineFormatter(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                .append(TIME.format(record.getInstant().atZone(zone)))
                .append(' ')
                .append(String.format("%-7s", record.getLevel().getName()))
                .append(' ')
                .append(formatMessage(record));
            if (record.getThrown() != null) {
                line.append(" (").append(record.getThrown()).append(')');
            }
            return line.toString().strip();
        }
    }
}
