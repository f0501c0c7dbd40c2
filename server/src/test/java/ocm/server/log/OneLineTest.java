package ocm.server.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class OneLineTest {
    private final ServerLog.OneLine formatter = new ServerLog.OneLine();

    private String format(String message) {
        LogRecord r = new LogRecord(Level.INFO, message);
        r.setLoggerName("ocm.server.rooms");
        return formatter.format(r);
    }

    @Test
    void aNameWithAnEscapeSequenceCannotDriveTheOperatorsTerminal() {
        String line = format("refused create by a\u001b]0;PWNED\u0007b\u001b[2J");
        assertFalse(line.contains("\u001b"), line);
        assertFalse(line.contains("\u0007"), line);
        assertTrue(line.contains("a?]0;PWNED?b?[2J"), line);
    }

    @Test
    void aHugeNameCannotFloodTheLog() {
        String line = format("refused create by " + "x".repeat(65_000));
        assertTrue(line.length() < ServerLog.OneLine.MAX_MESSAGE_CHARS + 100, "line is " + line.length() + " chars");
        assertTrue(line.contains("more)"), line.substring(line.length() - 40));
    }

    @Test
    void aLogLineIsOneLine() {
        String line = format("two\nlines");
        assertTrue(line.indexOf('\n') == line.length() - System.lineSeparator().length(), line);
    }
}
