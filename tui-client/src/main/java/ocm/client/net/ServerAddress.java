package ocm.client.net;

import java.util.Objects;
import java.util.Optional;

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

    /** A port number as the user typed it (spaces around it allowed); empty unless it is 1..65535. */
    public static Optional<Integer> parsePort(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            int p = Integer.parseInt(text.strip());
            return isPort(p) ? Optional.of(p) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPort(int port) {
        return port >= 1 && port <= 65535;
    }

    private static void checkPort(int port, String what) {
        if (!isPort(port)) {
            throw new IllegalArgumentException(what + " must be 1..65535, got " + port);
        }
    }

    @Override
    public String toString() {
        return host + " (TCP " + tcpPort + ", UDP " + udpPort + ")";
    }
}
