package ocm.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./chat client}: the full-screen terminal client. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Run the terminal chat client.")
public final class ClientCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("chat client: not built yet");
        return 1;
    }
}
