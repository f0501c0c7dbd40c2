package ocm.client.net;

import java.util.Objects;

/** Where the server listens: one host, its TCP (rooms) and UDP (chat) ports. */
public record ServerAddress(String host, int tcpPort, int udpPort) {
    public ServerAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("server address is empty");
        }
        checkPort(tcpPort, "TCP port");
        checkPort(udpPort, "UDP port");
    }

    private static void checkPort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be 1..65535, got " + port);
        }
    }

    @Override
    public String toString() {
        return host + " (TCP " + tcpPort + ", UDP " + udpPort + ")";
    }
}
