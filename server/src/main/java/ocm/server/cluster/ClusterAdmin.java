package ocm.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ocm.protocol.Limits;
import ocm.protocol.Utf8;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.admin.AdminException;
import ocm.server.admin.BanView;
import ocm.server.admin.NodeView;
import ocm.server.admin.RoomView;
import ocm.server.admin.ServerAdmin;
import ocm.server.admin.StatsView;
import ocm.server.admin.UserView;
import ocm.server.room.Reasons;
import ocm.server.room.RoomException;

/**
 * The console on a cluster node sees and acts on the whole cluster: rooms and members are read
 * from the cluster's registry in Redis; a kick or ban is an item to the member's own node (which
 * ends it as its own host would), a close or an announcement one script that reaches every node
 * of the room. What only this node knows ({@code /stats}, addresses and idle times of its own
 * members, shutting down) comes from the node's own {@link ServerAdmin}. Called from the console's
 * thread: it waits on Redis at most {@link #TIMEOUT}, never on the relay.
 */
final class ClusterAdmin implements ServerAdmin {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ServerAdmin local;
    private final ClusterEngine engine;
    private final RedisBus bus;
    private final ClusterNode node;
    private final Clock clock;

    ClusterAdmin(ServerAdmin local, ClusterEngine engine, RedisBus bus, ClusterNode node, Clock clock) {
        this.local = local;
        this.engine = engine;
        this.bus = bus;
        this.node = node;
        this.clock = clock;
    }

    private static <T> T await(CompletableFuture<T> f) throws AdminException {
        try {
            return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AdminException("the cluster's Redis refused: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new AdminException("the cluster's Redis did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("interrupted");
        }
    }

    @Override
    public List<RoomView> rooms() throws AdminException {
        List<Object> flat = await(bus.evalList(Scripts.LIST, new String[] {Keys.ROOMS}));
        long now = clock.millis();
        List<RoomView> out = new ArrayList<>();
        for (int i = 0; i + Scripts.LIST_FIELDS - 1 < flat.size(); i += Scripts.LIST_FIELDS) {
            long created = Long.parseLong((String) flat.get(i + 4));
            out.add(new RoomView((String) flat.get(i), (String) flat.get(i + 1), Integer.parseInt((String) flat.get(i + 3)),
                    "1".equals(flat.get(i + 2)), Long.parseLong((String) flat.get(i + 5)), Duration.ofMillis(Math.max(0, now - created))));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Every member with its node ("ADDRESS on NODE" for this node's own, "on NODE" for the others'). */
    @Override
    public List<UserView> users(Optional<String> room) throws AdminException {
        String only = room.orElse("");
        if (!only.isEmpty()) {
            existing(only);
        }
        Map<String, UserView> mine = new HashMap<>();
        for (UserView u : local.users(Optional.empty())) {
            if (u.address().isPresent()) {
                mine.put(u.room() + "\n" + u.name(), u);
            }
        }
        List<Object> flat = await(bus.evalList(Scripts.USERS, new String[] {Keys.ROOMS}, only));
        List<UserView> out = new ArrayList<>();
        for (int i = 0; i + 3 < flat.size(); i += 4) {
            String r = (String) flat.get(i);
            String name = (String) flat.get(i + 1);
            String[] v = ((String) flat.get(i + 2)).split("\\|");
            UserView here = v[0].equals(engine.node()) ? mine.get(r + "\n" + name) : null;
            String where = (here == null ? "" : here.address().get() + " ") + "on " + v[0];
            out.add(new UserView(name, r, Optional.of(where), here == null ? Integer.parseInt(v[1]) : here.protocol(),
                    here == null ? Duration.ZERO : here.idle(), "1".equals(flat.get(i + 3))));
        }
        return out;
    }

    private void existing(String room) throws AdminException {
        if (!await(bus.async().hexists(Keys.room(room), "host").toCompletableFuture())) {
            throw new AdminException("no room named '" + room + "'");
        }
    }

    /** The member's node, or an error naming what is missing. */
    private String nodeOf(String room, String user) throws AdminException {
        existing(room);
        String v = await(bus.async().hget(Keys.members(room), user).toCompletableFuture());
        if (v == null) {
            throw new AdminException("no member named '" + user + "' in '" + room + "'");
        }
        return v.split("\\|")[0];
    }

    private boolean isHost(String room, String user) throws AdminException {
        return user.equals(await(bus.async().hget(Keys.room(room), "host").toCompletableFuture()));
    }

    private static void check(String reason) throws AdminException {
        try {
            Reasons.check(reason);
        } catch (RoomException e) {
            throw new AdminException(e.getMessage());
        }
    }

    @Override
    public void kick(String room, String user, String reason) throws AdminException {
        check(reason);
        String owner = nodeOf(room, user);
        if (isHost(room, user)) {
            closeNow(room, reason.isEmpty() ? "the host was kicked" : reason);
        } else {
            await(engine.tell(room, Item.KICK, user, EndReason.KICKED.name(), reason, owner, 0));
        }
    }

    @Override
    public boolean ban(String room, String user, String reason) throws AdminException {
        check(reason);
        existing(room);
        String v = await(bus.async().hget(Keys.members(room), user).toCompletableFuture());
        await(bus.async().hset(Keys.bans(room), user, reason).toCompletableFuture());
        if (v == null) {
            return false;
        }
        if (isHost(room, user)) {
            closeNow(room, reason.isEmpty() ? "the host was banned" : reason);
        } else {
            await(engine.tell(room, Item.KICK, user, EndReason.BANNED.name(), reason, v.split("\\|")[0], 0));
        }
        return true;
    }

    /** Bans in a cluster are by name (addresses stay with each node): nothing else still covers the address. */
    @Override
    public List<BanView> unban(String room, String user) throws AdminException {
        existing(room);
        if (await(bus.async().hdel(Keys.bans(room), user).toCompletableFuture()) == 0) {
            throw new AdminException("'" + user + "' is not banned in '" + room + "'");
        }
        return List.of();
    }

    @Override
    public List<BanView> bans(String room) throws AdminException {
        existing(room);
        List<BanView> out = new ArrayList<>();
        for (Map.Entry<String, String> e : await(bus.async().hgetall(Keys.bans(room)).toCompletableFuture()).entrySet()) {
            out.add(new BanView(room, e.getKey(), Optional.empty(), e.getValue()));
        }
        return out;
    }

    @Override
    public void close(String room, String reason) throws AdminException {
        check(reason);
        closeNow(room, reason);
    }

    private void closeNow(String room, String reason) throws AdminException {
        if (await(engine.close(room, EndReason.CLOSED_BY_ADMIN, reason, 0)) == 0) {
            throw new AdminException("no room named '" + room + "'");
        }
    }

    @Override
    public int say(String room, String message) throws AdminException {
        int bytes = Utf8.encode(message).length;
        if (bytes > Limits.MAX_TEXT_BYTES) {
            throw new AdminException("message too long: " + bytes + " bytes, an announcement can be at most "
                    + Limits.MAX_TEXT_BYTES + " bytes (UTF-8); nothing was sent");
        }
        List<String> targets = new ArrayList<>();
        if ("*".equals(room)) {
            targets.addAll(await(bus.async().smembers(Keys.ROOMS).toCompletableFuture()));
        } else {
            existing(room);
            targets.add(room);
        }
        int reached = 0;
        for (String r : targets) {
            reached += await(engine.tell(r, Item.NOTICE, "", "", message, "", 0)).intValue();
        }
        if (reached == 0 && !"*".equals(room)) {
            throw new AdminException("no room named '" + room + "'");
        }
        return reached;
    }

    @Override
    public String fingerprint() throws AdminException {
        return local.fingerprint(); // each node has its own TLS key
    }

    /** This node's own figures; {@code /nodes} has every node's and the total. */
    @Override
    public StatsView stats() throws AdminException {
        return local.stats();
    }

    @Override
    public List<NodeView> nodes() throws AdminException {
        try {
            return node.liveNodes();
        } catch (ExecutionException e) {
            throw new AdminException("the cluster's Redis refused: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new AdminException("the cluster's Redis did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("interrupted");
        }
    }

    @Override
    public void save() throws AdminException {
        throw new AdminException("a cluster node keeps no state file: the cluster's Redis holds the rooms");
    }

    @Override
    public void shutdown() {
        local.shutdown();
    }
}
