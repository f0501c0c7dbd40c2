package ocm.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a server listens and keeps its state: the flags shared by {@code ./chat server} and
 * host mode ({@code ./chat} alone), declared once.
 */
public final class ListenOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (0.0.0.0 for a LAN). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--tcp-port", defaultValue = "9090", description = "TCP port of the room service. Default: ${DEFAULT-VALUE}.")
    int tcpPort;

    @Option(names = "--udp-port", defaultValue = "9091", description = "UDP port of the chat relay. Default: ${DEFAULT-VALUE}.")
    int udpPort;

    @Option(names = "--data-dir", description = "Where the state file lives. Default: $XDG_DATA_HOME/ocm or ~/.local/share/ocm.")
    Path dataDir;

    public String host() {
        return host;
    }

    /** These options as command-line arguments, to hand to another command. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--host", host,
                "--tcp-port", Integer.toString(tcpPort), "--udp-port", Integer.toString(udpPort)));
        if (dataDir != null) {
            args.add("--data-dir");
            args.add(dataDir.toString());
        }
        return args;
    }
}
