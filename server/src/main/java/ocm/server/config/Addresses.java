package ocm.server.config;

import java.net.InetSocketAddress;

/** How the server writes a socket address: in logs, the admin console and the state file alike. */
public final class Addresses {
    private Addresses() {
    }

    /**
     * {@code ip:port}, or {@code host:port} for an unresolved address (say, one restored from a state
     * file whose name no longer resolves); {@code null} for none. The state file parses this back.
     */
    public static String show(InetSocketAddress a) {
        if (a == null) {
            return null;
        }
        return (a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress()) + ":" + a.getPort();
    }
}
