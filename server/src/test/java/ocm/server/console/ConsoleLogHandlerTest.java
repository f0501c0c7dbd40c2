package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ConsoleLogHandlerTest {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ConsoleLogHandler handler = new ConsoleLogHandler(lines::add);

    private static LogRecord record(Level level, String message, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setParameters(params);
        r.setInstant(Instant.parse("2026-11-24T10:02:03Z"));
        return r;
    }

    @Test
    void oneLinePerRecordWithTimeLevelAndMessage() {
        ConsoleLogHandler.LineFormatter format = new ConsoleLogHandler.LineFormatter(ZoneOffset.UTC);
        assertEquals("10:02:03 INFO    room lobby created by alice",
            format.format(record(Level.INFO, "room {0} created by {1}", "lobby", "alice")));
        assertEquals("10:02:03 WARNING cannot save (java.io.IOException: disk full)",
            format.format(withThrown(record(Level.WARNING, "cannot save"), new IOException("disk full"))));
    }

    private static LogRecord withThrown(LogRecord r, Throwable t) {
        r.setThrown(t);
        return r;
    }

    @Test
    void recordsGoToTheSink() {
        handler.publish(record(Level.INFO, "room lobby closed"));
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).endsWith("INFO    room lobby closed"));
    }

    @Test
    void aFormatterThatEndsLinesStillGivesOneBareLine() {
        handler.setFormatter(new java.util.logging.Formatter() {
            @Override
            public String format(LogRecord r) {
                return "[" + r.getMessage() + "]\r\n";
            }
        });
        handler.publish(record(Level.INFO, "room lobby closed"));
        assertEquals(List.of("[room lobby closed]"), lines);
    }

    @Test
    void recordsBelowTheHandlerLevelAreLeftOut() {
        handler.setLevel(Level.INFO);
        handler.publish(record(Level.FINE, "chat relayed"));
        assertEquals(List.of(), lines);
    }

    @Test
    void aFailingSinkNeverReachesTheCodeThatLogged() {
        ConsoleLogHandler broken = new ConsoleLogHandler(line -> {
            throw new IllegalStateException("terminal closed");
        });
        broken.setErrorManager(new java.util.logging.ErrorManager() {
            @Override
            public synchronized void error(String msg, Exception ex, int code) {
                lines.add("reported: " + msg);
            }
        });
        broken.publish(record(Level.INFO, "room lobby created"));
        assertEquals(List.of("reported: cannot print a log line"), lines);
    }

    @Test
    void worksAsAHandlerOnARealLogger() {
        Logger logger = Logger.getLogger("ocm.test.console." + System.identityHashCode(this));
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            logger.info("member bob kicked from lobby");
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).endsWith("member bob kicked from lobby"));
    }
}
