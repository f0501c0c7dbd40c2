package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LogRoutingTest {
    @Test
    void recordsGoToTheConsoleWhileCapturedThenBackToTheUsualHandlers() {
        Logger logger = Logger.getLogger("ocm.test.routing." + System.identityHashCode(this));
        logger.setUseParentHandlers(false);
        List<String> usual = new CopyOnWriteArrayList<>();
        List<String> console = new CopyOnWriteArrayList<>();
        Handler usualHandler = new ConsoleLogHandler(usual::add);
        logger.addHandler(usualHandler);

        try (LogRouting routing = LogRouting.capture(logger, new ConsoleLogHandler(console::add))) {
            logger.info("while the console runs");
        }
        logger.info("after it stopped");
        logger.removeHandler(usualHandler);

        assertEquals(1, console.size());
        assertEquals(1, usual.size());
        assertTrue(console.get(0).endsWith("while the console runs"));
        assertTrue(usual.get(0).endsWith("after it stopped"));
    }
}
