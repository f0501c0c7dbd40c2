package ocm.server.admin;

/** One live node of a cluster as {@code /nodes} shows it: its addresses and its own figures (members here, traffic). */
public record NodeView(String name, String tcp, String udp, int members, long messagesIn, long deliveries) {
}
