package ocm.client;

import picocli.CommandLine;

/** Runs the client on its own (without the ./chat launcher), e.g. from an IDE or the tmux smoke test. */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClientCommand()).execute(args));
    }
}
