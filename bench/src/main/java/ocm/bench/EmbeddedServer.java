package ocm.bench;

/** Starts the server in this process for the bench. */
final class EmbeddedServer {
    private EmbeddedServer() {
    }

    static ServerTarget start(BenchConfig config) throws BenchException {
        throw new BenchException("no embedded server in this build yet; give --server HOST (and --tcp-port/--udp-port)");
    }
}
