package ocm.client.config;

/** The connect screen's values, remembered between runs. Any field may be null when unknown. */
public record ClientSettings(String server, Integer tcpPort, Integer udpPort, String name) {
    public static final ClientSettings DEFAULTS = new ClientSettings("127.0.0.1", 9090, 9091, null);
    public static final ClientSettings EMPTY = new ClientSettings(null, null, null, null);

    /** Each field from {@code this}, else from {@code fallback}. */
    public ClientSettings or(ClientSettings fallback) {
        return new ClientSettings(server != null ? server : fallback.server,
                tcpPort != null ? tcpPort : fallback.tcpPort,
                udpPort != null ? udpPort : fallback.udpPort,
                name != null ? name : fallback.name);
    }
}
