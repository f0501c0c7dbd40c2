package ocm.protocol.tls;

import java.util.Locale;
import ocm.protocol.ProtocolException;

/**
 * The name a pin is filed under: host and TCRP port as the user gave them (host names lower-cased,
 * IPv6 literals in brackets). A server reached by two names has two pins, as in SSH's known_hosts.
 */
public record ServerAddress(String host, int port) {
    public ServerAddress {
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '[' || c == ']' || c == '#' || c == 0x7f)) {
            throw new IllegalArgumentException("server host '" + host + "' is empty or has spaces, brackets or '#'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + ", it must be 1..65535");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /** Reads {@code host:port} or {@code [v6]:port}. */
    public static ServerAddress parse(String text) throws ProtocolException {
        int colon = text.lastIndexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            throw new ProtocolException("server address '" + text + "' is not HOST:PORT");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new ProtocolException("server address '" + text + "': an IPv6 address goes in brackets, [::1]:9090");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ProtocolException("server address '" + text + "' has port '" + text.substring(colon + 1) + "', not a number");
        }
        try {
            return new ServerAddress(host, port);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("server address '" + text + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
