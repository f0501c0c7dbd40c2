package ocm.server.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ocm.server.Addresses;
import ocm.server.ChatServer;
import ocm.server.room.Ban;
import ocm.server.room.Member;
import ocm.server.room.Room;
import ocm.server.room.RoomException;
import ocm.server.room.RoomRegistry;
import ocm.server.stats.Counters;
import ocm.server.tcp.TcpService;
import ocm.server.udp.Membership;
import ocm.server.udp.RelayLoop;

/** {@link ServerAdmin} on the live server: every call runs as a task on the relay thread and waits for it. */
public final class LiveAdmin implements ServerAdmin {
    private final RelayLoop relay;
    private final TcpService tcp;
    private final ChatServer server;
    private final long startedAt;

    public LiveAdmin(RelayLoop relay, TcpService tcp, ChatServer server, long startedAt) {
        this.relay = relay;
        this.tcp = tcp;
        this.server = server;
        this.startedAt = startedAt;
    }

    private interface Task<T> {
        T run(RoomRegistry registry, Membership membership, long now) throws RoomException;
    }

    private <T> T call(Task<T> task) throws AdminException {
        Callable<T> c = () -> task.run(relay.relay().registry(), relay.relay().membership(), System.currentTimeMillis());
        try {
            return relay.submit(c).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RoomException) {
                throw new AdminException(e.getCause().getMessage());
            }
            throw new AdminException("failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new AdminException("the server did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("interrupted");
        }
    }

    private <T> T quietly(Task<T> task, T fallback) {
        try {
            return call(task);
        } catch (AdminException e) {
            return fallback;
        }
    }

    @Override
    public List<RoomView> rooms() {
        return quietly((registry, m, now) -> {
            List<RoomView> out = new ArrayList<>();
            for (Room r : registry.rooms()) {
                out.add(new RoomView(r.name(), r.hostName(), r.size(), r.locked(), r.messagesRelayed(),
                        Duration.ofMillis(Math.max(0, now - r.createdAt()))));
            }
            return out;
        }, List.of());
    }

    @Override
    public List<UserView> users(Optional<String> room) throws AdminException {
        return call((registry, m, now) -> {
            List<Room> rooms = new ArrayList<>();
            if (room.isPresent() && !room.get().isEmpty()) {
                rooms.add(registry.existing(room.get()));
            } else {
                rooms.addAll(registry.rooms());
            }
            List<UserView> out = new ArrayList<>();
            for (Room r : rooms) {
                for (Member u : r.members()) {
                    out.add(new UserView(u.name(), r.name(), Optional.ofNullable(u.address()).map(Addresses::show),
                            u.address() == null ? 0 : u.protocol(), Duration.ofMillis(Math.max(0, now - u.lastHeard())), u.isHost()));
                }
            }
            return out;
        });
    }

    @Override
    public void kick(String room, String user, String reason) throws AdminException {
        call((registry, m, now) -> {
            m.kick(room, user, reason, now);
            return null;
        });
        saved();
    }

    @Override
    public boolean ban(String room, String user, String reason) throws AdminException {
        boolean wasIn = call((registry, m, now) -> m.ban(room, user, reason, now));
        saved();
        return wasIn;
    }

    @Override
    public List<BanView> unban(String room, String user) throws AdminException {
        List<BanView> still = call((registry, m, now) -> {
            List<BanView> out = new ArrayList<>();
            for (Ban b : m.unban(room, user)) {
                out.add(new BanView(room, b.name(), b.address(), b.reason()));
            }
            return out;
        });
        saved();
        return still;
    }

    @Override
    public List<BanView> bans(String room) throws AdminException {
        return call((registry, m, now) -> {
            List<BanView> out = new ArrayList<>();
            for (Ban b : registry.existing(room).bans().values()) {
                out.add(new BanView(room, b.name(), b.address(), b.reason()));
            }
            return out;
        });
    }

    @Override
    public void close(String room, String reason) throws AdminException {
        call((registry, m, now) -> {
            m.close(room, reason, now);
            return null;
        });
        saved();
    }

    /** What an operator did is on disk before the console answers: a kill -9 a moment later keeps it. */
    private void saved() throws AdminException {
        try {
            server.saveNow();
        } catch (IOException e) {
            throw new AdminException("done, but the state file could not be written (" + e.getMessage()
                    + "); it is written again with the next change");
        }
    }

    @Override
    public int say(String room, String message) throws AdminException {
        if (message == null || message.isBlank()) {
            throw new AdminException("nothing to say");
        }
        return call((registry, m, now) -> m.say(room, message));
    }

    @Override
    public StatsView stats() {
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        StatsView fallback = new StatsView(Duration.ofMillis(System.currentTimeMillis() - startedAt), 0, 0, 0, 0, 0, 0, 0,
                Map.of(), 0, 0, heapUsed, rt.maxMemory());
        return quietly((registry, m, now) -> {
            Counters c = relay.relay().counters();
            Map<String, Long> drops = new LinkedHashMap<>(c.dropsByReason());
            drops.putAll(tcp.dropsByReason());
            return new StatsView(Duration.ofMillis(now - startedAt), registry.rooms().size(), registry.memberCount(),
                    c.messagesIn, c.deliveries, c.messagesPerSecond(now), c.deliveriesPerSecond(now), c.retransmissions,
                    drops, c.bytesIn, c.bytesOut, heapUsed, rt.maxMemory());
        }, fallback);
    }

    @Override
    public void save() throws AdminException {
        if (server.config().dataDir().isEmpty()) {
            throw new AdminException("this server has no data dir, so nothing is saved");
        }
        try {
            server.saveNow();
        } catch (IOException e) {
            throw new AdminException("could not save: " + e.getMessage());
        }
    }

    @Override
    public void shutdown() {
        server.close();
    }
}
