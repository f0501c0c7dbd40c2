package ocm.server.console;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Sends a logger's records to the console's handler instead of its usual handlers (stderr would break the
 * prompt) for as long as the console runs; {@link #close} puts the usual handlers back.
 */
public final class LogRouting implements AutoCloseable {
    private final Logger logger;
    private final Handler handler;
    private final List<Handler> previous;

    private LogRouting(Logger logger, Handler handler, List<Handler> previous) {
        this.logger = logger;
        this.handler = handler;
        this.previous = previous;
    }

    /** Replaces the handlers of {@code logger} (usually the root logger, "") with {@code handler}. */
    public static LogRouting capture(Logger logger, Handler handler) {
        List<Handler> previous = List.of(logger.getHandlers());
        for (Handler h : previous) {
            logger.removeHandler(h);
        }
        logger.addHandler(handler);
        return new LogRouting(logger, handler, previous);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        for (Handler h : previous) {
            logger.addHandler(h);
        }
    }
}
