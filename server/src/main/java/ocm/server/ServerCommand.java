package ocm.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./chat server}: the dedicated server with its admin console. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Run the chat server (rooms over TCP, relay over UDP) with its admin console.")
public final class ServerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("chat server: not built yet");
        return 1;
    }
}
