package ocm.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** {@code --log-format json}: one JSON object per line with time, level, logger, message and thrown. */
class JsonLinesTest {
    private static String line(LogRecord r) {
        String line = new JsonLines().format(r);
        assertTrue(line.endsWith(System.lineSeparator()));
        String body = line.substring(0, line.length() - System.lineSeparator().length());
        assertFalse(body.contains("\n") || body.contains("\r"), "one line: " + body);
        return body;
    }

    private static LogRecord record(Level level, String logger, String message) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName(logger);
        r.setInstant(Instant.parse("2026-12-03T09:14:03.120Z"));
        return r;
    }

    @Test
    void fieldsOfARecord() {
        String line = line(record(Level.INFO, "ocm.server.rooms", "alice joined 'lobby' <x> & y"));
        assertEquals("{\"time\":\"2026-12-03T09:14:03.120Z\",\"level\":\"INFO\",\"logger\":\"ocm.server.rooms\","
                + "\"message\":\"alice joined 'lobby' <x> & y\"}", line);
    }

    @Test
    void aThrownExceptionComesWithItsTrace() {
        LogRecord r = record(Level.WARNING, "ocm.server.store", "could not write");
        r.setThrown(new IOException("disk full"));
        JsonObject o = JsonParser.parseString(line(r)).getAsJsonObject();
        assertEquals("WARNING", o.get("level").getAsString());
        assertTrue(o.get("thrown").getAsString().startsWith("java.io.IOException: disk full"), o.toString());
        assertTrue(o.get("thrown").getAsString().contains("JsonLinesTest"), "stack frames kept");
    }

    @Test
    void controlCharactersAndLineBreaksAreEscaped() {
        String line = line(record(Level.INFO, "ocm.server.rooms", "two\nlines \u001b[2J"));
        assertFalse(line.contains("\u001b"), line);
        assertEquals("two\nlines \u001b[2J", JsonParser.parseString(line).getAsJsonObject().get("message").getAsString());
    }

    @Test
    void aHugeMessageIsCut() {
        String line = line(record(Level.INFO, "ocm", "x".repeat(100_000)));
        assertTrue(line.length() < JsonLines.MAX_MESSAGE_CHARS + 200, "length " + line.length());
    }

    @Test
    void formatNamesAreLowerCase() {
        assertEquals(LogFormat.JSON, new LogFormat.Converter().convert("json"));
        assertEquals(LogFormat.TEXT, new LogFormat.Converter().convert("text"));
        assertTrue(LogFormat.JSON.formatter() instanceof JsonLines);
    }
}
