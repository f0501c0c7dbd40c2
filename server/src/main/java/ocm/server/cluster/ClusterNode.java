package ocm.server.cluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import ocm.server.admin.NodeView;
import ocm.server.admin.ServerAdmin;
import ocm.server.room.RoomService;
import ocm.server.tcp.RoomAccess;

/**
 * This node's place in the cluster: its Redis connections, its engine, its liveness key
 * (refreshed three times per TTL on the {@code ocm-cluster} thread, never the relay's) and, when
 * it holds the janitor's lease ({@code SET NX PX}), the reaping of dead nodes: their members
 * leave every room, and a room whose host was there closes, with one close item. Blocking on
 * Redis is fine here: this thread owns nothing of the rooms.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("ocm.server.cluster");

    private final ClusterConfig config;
    private final ClusterEngine engine;
    private final RedisBus bus;
    private final ClusterRooms access;
    private final long ttl;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ocm-cluster");
        t.setDaemon(true);
        return t;
    });
    private final java.util.function.Supplier<NodeView> info;

    private ClusterNode(ClusterConfig config, RoomService rooms, RelayTasks relay, Clock clock, int historySize,
                        int maxMembersPerRoom, java.util.function.Supplier<NodeView> info) {
        this.config = config;
        this.ttl = config.nodeTtl().toMillis();
        this.info = info;
        this.engine = new ClusterEngine(config.node(), rooms, relay, clock, historySize);
        this.bus = new RedisBus(config.redisUri(), engine::onMessage, engine::onSubscribed);
        engine.bus(bus);
        this.access = new ClusterRooms(engine, bus, relay, maxMembersPerRoom);
    }

    /**
     * Connects to Redis and claims the node's name; refused (a clear message) when Redis does not
     * answer or a live node already has the name. The engine is then set on the room service.
     * {@code info}: what {@code /nodes} shows for this node (its addresses).
     */
    public static ClusterNode join(ClusterConfig config, RoomService rooms, RelayTasks relay, Clock clock, int historySize,
                                   int maxMembersPerRoom, java.util.function.Supplier<NodeView> info) throws ClusterException {
        ClusterNode n;
        try {
            n = new ClusterNode(config, rooms, relay, clock, historySize, maxMembersPerRoom, info);
        } catch (RuntimeException e) {
            throw new ClusterException("cannot reach the cluster's Redis at " + config.redisUri() + ": " + e.getMessage(), e);
        }
        try {
            String claimed = n.bus.async().set(Keys.node(config.node()), NodeInfo.encode(info.get()),
                    io.lettuce.core.SetArgs.Builder.nx().px(n.ttl)).get(5, TimeUnit.SECONDS);
            if (!"OK".equals(claimed)) {
                n.bus.close();
                throw new ClusterException("a live node is already named '" + config.node() + "' in the cluster at " + config.redisUri()
                        + " (give this one another --node, or wait " + n.ttl + " ms if that node just stopped)");
            }
            n.bus.async().sadd(Keys.NODES, config.node()).get(5, TimeUnit.SECONDS);
            n.reap(config.node()); // what an earlier run of this name left behind
        } catch (ExecutionException | TimeoutException e) {
            n.bus.close();
            throw new ClusterException("the cluster's Redis at " + config.redisUri() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            n.bus.close();
            throw new ClusterException("interrupted while joining the cluster", e);
        }
        rooms.engine(n.engine);
        long every = Math.max(100, n.ttl / 3);
        n.beat.scheduleWithFixedDelay(n::tick, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "node '" + config.node() + "' joined the cluster at " + config.redisUri() + " (dead after " + n.ttl + " ms of silence)");
        return n;
    }

    /** The TCP side's way to the cluster's rooms. */
    public RoomAccess rooms() {
        return access;
    }

    public String name() {
        return config.node();
    }

    private void tick() {
        try {
            bus.async().psetex(Keys.node(config.node()), ttl, NodeInfo.encode(info.get())).get(ttl, TimeUnit.MILLISECONDS);
            bus.async().sadd(Keys.NODES, config.node()).get(ttl, TimeUnit.MILLISECONDS);
            long lease = bus.evalLong(Scripts.LEASE, new String[] {Keys.JANITOR}, config.node(), String.valueOf(ttl))
                    .get(ttl, TimeUnit.MILLISECONDS);
            if (lease == 1) {
                for (String other : bus.async().smembers(Keys.NODES).get(ttl, TimeUnit.MILLISECONDS)) {
                    if (!other.equals(config.node()) && bus.async().exists(Keys.node(other)).get(ttl, TimeUnit.MILLISECONDS) == 0) {
                        LOG.info(() -> "node '" + other + "' stopped answering: removing its members");
                        reap(other);
                        bus.async().srem(Keys.NODES, other).get(ttl, TimeUnit.MILLISECONDS);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warning(() -> "cluster heartbeat failed (Redis unreachable?): " + e.getMessage());
        }
    }

    /** Removes a dead node's members from every room it had, one script per room. */
    private void reap(String dead) throws ExecutionException, InterruptedException, TimeoutException {
        String message = "its node '" + dead + "' stopped answering";
        for (String room : bus.async().smembers(Keys.nodeRooms(dead)).get(ttl, TimeUnit.MILLISECONDS)) {
            bus.evalLong(Scripts.REAP, new String[] {Keys.room(room), Keys.log(room), Keys.members(room), Keys.seqs(room),
                    Keys.bans(room), Keys.ROOMS}, dead, room, engine.maxlen(), Keys.channel(room), config.node(), message)
                    .get(ttl, TimeUnit.MILLISECONDS);
        }
        bus.async().del(Keys.nodeRooms(dead)).get(ttl, TimeUnit.MILLISECONDS);
    }

    /** The live nodes with what each said of itself (its addresses), for {@code /nodes}. */
    public List<NodeView> liveNodes() throws ExecutionException, InterruptedException, TimeoutException {
        List<NodeView> out = new ArrayList<>();
        for (String n : bus.async().smembers(Keys.NODES).get(5, TimeUnit.SECONDS)) {
            String v = bus.async().get(Keys.node(n)).get(5, TimeUnit.SECONDS);
            if (v != null) {
                out.add(NodeInfo.decode(n, v));
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The console's view of the whole cluster, over this node's own {@code local} view. */
    public ServerAdmin admin(ServerAdmin local, Clock clock) {
        return new ClusterAdmin(local, engine, bus, this, clock);
    }

    /** Leaves the cluster: the liveness key goes at once, so the janitor reaps what is left of this node soon. */
    @Override
    public void close() {
        beat.shutdownNow();
        try {
            bus.async().del(Keys.node(config.node())).get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warning(() -> "could not deregister from the cluster: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bus.close();
    }

    /** As kill -9 would: the connections drop, nothing is said; the others find out by the TTL. */
    public void halt() {
        beat.shutdownNow();
        bus.close();
    }
}
