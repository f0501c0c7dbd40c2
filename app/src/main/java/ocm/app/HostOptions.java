package ocm.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Flags of host mode ({@code ./chat} with no command): where the embedded server listens, and who the client is. */
final class HostOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address the embedded server listens on (0.0.0.0 lets others on the LAN join). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--tcp-port", defaultValue = "9090", description = "TCP port of the embedded server. Default: ${DEFAULT-VALUE}.")
    int tcpPort;

    @Option(names = "--udp-port", defaultValue = "9091", description = "UDP port of the embedded server. Default: ${DEFAULT-VALUE}.")
    int udpPort;

    @Option(names = "--data-dir", description = "State file and server.log. Default: $XDG_DATA_HOME/ocm or ~/.local/share/ocm.")
    Path dataDir;

    @Option(names = "--name", description = "Your user name (skips the connect screen with --create).")
    String name;

    @Option(names = "--create", paramLabel = "ROOM", description = "Create this room at once and go to it.")
    String create;

    @Option(names = "--theme", description = "Colour theme of the client (dark, light).")
    String theme;

    @Option(names = "--plain", description = "Line mode instead of full screen (stdin to the room, messages to stdout).")
    boolean plain;
}
