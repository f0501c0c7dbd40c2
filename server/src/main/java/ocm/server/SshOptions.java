package ocm.server;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags of the SSH gateway, mixed into {@code ./chat server}: off unless a port is given. The
 * gateway itself lives in its own module (it serves the client's screens, which the server does
 * not know); the launcher hands {@link ServerCommand} a {@link Gateway} that starts it.
 */
public final class SshOptions {
    @Option(names = "--ssh-port", paramLabel = "PORT",
            description = "Serve the full-screen client over SSH on this TCP port (ssh -p PORT NAME@HOST). Default: off.")
    Integer port;

    @Option(names = "--ssh-host", paramLabel = "HOST", description = "Address of the SSH gateway. Default: the --host address.")
    String host;

    @Option(names = "--ssh-guests",
            description = "Let SSH users without a key in, under names no key owns (never claimed). Default: refused with a hint.")
    boolean guests;

    /** The port, if the gateway is on; throws IllegalArgumentException for a port out of range. */
    public Optional<Integer> port() {
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("--ssh-port must be 0..65535, got " + port);
        }
        return Optional.ofNullable(port);
    }

    public String host(String serverHost) {
        return host != null ? host : serverHost;
    }

    public boolean guests() {
        return guests;
    }

    /** Starts the gateway beside a started server; what it returns is closed before the server stops. */
    @FunctionalInterface
    public interface Gateway {
        AutoCloseable start(ChatServer server, SshOptions options, java.io.PrintWriter out) throws java.io.IOException;

        /** A build without the gateway module. */
        Gateway NONE = (server, options, out) -> {
            throw new java.io.IOException("this build has no SSH gateway");
        };
    }
}
