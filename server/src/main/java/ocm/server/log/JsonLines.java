package ocm.server.log;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code --log-format json}: one JSON object a line for log collectors, e.g.
 * {@code {"time":"2026-12-03T09:14:03.120Z","level":"INFO","logger":"ocm.server.rooms","message":"alice joined 'lobby'"}}
 * with {@code "thrown"} (the stack trace) when there is one. JSON escaping keeps any control
 * character a client put in a name from reaching a terminal or splitting the line.
 */
public final class JsonLines extends Formatter {
    /** A message stays a few lines' worth, whatever a client sends. */
    static final int MAX_MESSAGE_CHARS = 2000;

    @Override
    public String format(LogRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("time", Instant.ofEpochMilli(r.getMillis()).toString());
        o.addProperty("level", r.getLevel().getName());
        o.addProperty("logger", r.getLoggerName() == null ? "" : r.getLoggerName());
        String message = String.valueOf(formatMessage(r));
        o.addProperty("message", message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "…" : message);
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            o.addProperty("thrown", trace.toString());
        }
        return o + System.lineSeparator();
    }
}
