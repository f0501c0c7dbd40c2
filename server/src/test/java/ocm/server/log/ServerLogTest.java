package ocm.server.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The one-line log format: time, level in a fixed column with a space after it, logger's last name, message. */
class ServerLogTest {
    private static String format(Level level, String logger, String message) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName(logger);
        String line = new ServerLog.OneLine().format(r);
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d .*" + System.lineSeparator()), line);
        return line.substring("09:14:03.120 ".length()).stripTrailing();
    }

    @Test
    void everyLevelIsFollowedBySpaceAndTheMessagesLineUp() {
        assertEquals("WARNING store: disk full", format(Level.WARNING, "ocm.server.store", "disk full"));
        assertEquals("SEVERE  store: disk full", format(Level.SEVERE, "ocm.server.store", "disk full"));
        assertEquals("INFO    rooms: alice joined", format(Level.INFO, "ocm.server.rooms", "alice joined"));
        assertEquals("FINE    relay: x", format(Level.FINE, "ocm.server.relay", "x"));
    }

    @Test
    void aRecordWithoutALoggerNameStillFormats() {
        assertEquals("INFO    : hello", format(Level.INFO, null, "hello"));
    }

    @Test
    void aNameWithAnEscapeSequenceCannotDriveTheOperatorsTerminal() {
        String line = format(Level.INFO, "ocm.server.rooms", "refused create by a\u001b]0;PWNED\u0007b\u001b[2J");
        assertFalse(line.contains("\u001b") || line.contains("\u0007"), line);
        assertTrue(line.endsWith("a?]0;PWNED?b?[2J"), line);
    }

    @Test
    void aHugeNameCannotFloodTheLog() {
        String line = format(Level.INFO, "ocm.server.rooms", "refused create by " + "x".repeat(65_000));
        assertTrue(line.length() < ServerLog.OneLine.MAX_MESSAGE_CHARS + 40, "line is " + line.length() + " chars");
        assertTrue(line.endsWith("more)"), line.substring(line.length() - 40));
    }

    @Test
    void aMessageWithALineBreakStaysOneLine() {
        assertEquals("INFO    rooms: two?lines", format(Level.INFO, "ocm.server.rooms", "two\nlines"));
    }
}
