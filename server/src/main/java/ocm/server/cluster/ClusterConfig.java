package ocm.server.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * A node's cluster settings: the Redis it shares with the other nodes, its own name (unique among
 * the live nodes), and how long it may stay silent before the others count it dead (its
 * liveness key's TTL; refreshed three times per TTL).
 */
public record ClusterConfig(String redisUri, String node, Duration nodeTtl) {
    public ClusterConfig {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(nodeTtl, "nodeTtl");
        if (!redisUri.startsWith("redis://")) {
            throw new IllegalArgumentException("the cluster's Redis must be given as redis://HOST:PORT, got '" + redisUri + "'");
        }
        if (node.isEmpty() || !node.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a node name is 1 to 64 letters, digits, '.', '_' or '-', got '" + node + "'");
        }
        if (nodeTtl.toMillis() < 300) {
            throw new IllegalArgumentException("the node TTL must be at least 300 ms, got " + nodeTtl.toMillis() + " ms");
        }
    }
}
