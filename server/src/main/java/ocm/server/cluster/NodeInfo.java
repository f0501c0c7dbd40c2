package ocm.server.cluster;

import java.util.HashMap;
import java.util.Map;
import ocm.server.admin.NodeView;

/** What a node's liveness key holds about it, refreshed with each heartbeat: {@code key=value} pairs split by ';'. */
final class NodeInfo {
    private NodeInfo() {
    }

    static String encode(NodeView n) {
        return "tcp=" + n.tcp() + ";udp=" + n.udp() + ";members=" + n.members() + ";messages=" + n.messagesIn()
                + ";deliveries=" + n.deliveries();
    }

    static NodeView decode(String name, String value) {
        Map<String, String> m = new HashMap<>();
        for (String pair : value.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new NodeView(name, m.getOrDefault("tcp", "?"), m.getOrDefault("udp", "?"), (int) num(m, "members"),
                num(m, "messages"), num(m, "deliveries"));
    }

    private static long num(Map<String, String> m, String k) {
        try {
            return Long.parseLong(m.getOrDefault(k, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
