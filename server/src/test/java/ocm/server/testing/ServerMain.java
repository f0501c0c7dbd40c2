package ocm.server.testing;

import ocm.server.ServerCommand;
import picocli.CommandLine;

/** {@code ./chat server} in a child JVM of a test (the launcher's Main lives in app/, out of reach here). */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerCommand()).execute(args));
    }
}
