package ocm.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./chat bench}: the load generator. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the relay: rooms of members, senders at a fixed rate, loss and latency.")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("chat bench: not built yet");
        return 1;
    }
}
