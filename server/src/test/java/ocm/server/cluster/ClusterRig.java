package ocm.server.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import ocm.server.testing.RedisProcess;

/** A real Redis and cluster nodes in this process, each on free loopback ports; closes them all. */
final class ClusterRig implements AutoCloseable {
    static final Duration NODE_TTL = Duration.ofMillis(900);

    final RedisProcess redis;
    final List<ChatServer> nodes = new ArrayList<>();

    ClusterRig() throws IOException, InterruptedException {
        redis = RedisProcess.start();
    }

    ChatServer node(String name) throws IOException {
        return node(name, ServerConfig.forTests());
    }

    ChatServer node(String name, ServerConfig config) throws IOException {
        ChatServer s = new ChatServer(config).cluster(new ClusterConfig(redis.uri(), name, NODE_TTL)).start();
        nodes.add(s);
        return s;
    }

    @Override
    public void close() throws InterruptedException {
        for (ChatServer s : nodes) {
            s.halt();
        }
        redis.close();
    }
}
