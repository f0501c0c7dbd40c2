package ocm.ssh;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * MINA logs through SLF4J, which slf4j-jdk14 hands to java.util.logging under {@code org.apache.sshd}.
 * Those records are sent on to the server's own {@code ocm.ssh} logger, so they take its handlers
 * as they are at the time (stderr, the admin console, JSON lines) instead of the JDK's default
 * two-line console format; only warnings and worse (MINA's INFO says which crypto provider it
 * chose). Set up once per gateway, not per session.
 */
final class MinaLog {
    private MinaLog() {
    }

    static void routeToServerLog() {
        Logger mina = Logger.getLogger("org.apache.sshd");
        if (mina.getUseParentHandlers()) {
            Logger target = Logger.getLogger("ocm.ssh.mina");
            mina.setLevel(Level.WARNING);
            mina.setUseParentHandlers(false);
            mina.addHandler(new Handler() {
                @Override
                public void publish(LogRecord r) {
                    target.log(r);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        }
    }
}
