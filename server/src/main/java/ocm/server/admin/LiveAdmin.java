package ocm.server.admin;

import java.io.IOException;
import java.time.Clock;
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
import java.util.function.Supplier;
import ocm.server.config.Addresses;
import ocm.server.room.Ban;
import ocm.server.room.Member;
import ocm.server.room.Room;
import ocm.server.room.RoomException;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.stats.Counters;
import ocm.server.udp.RelayLoop;

/**
 * {@link ServerAdmin} on the live server: every call runs as a task on the relay thread and waits
 * for it, at most {@link #DEFAULT_TIMEOUT}; a relay that does not answer in time is an error the
 * operator reads, never empty data.
 */
public final class LiveAdmin implements ServerAdmin {
    /** How long an operator's call waits for the relay thread (its tasks take microseconds). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final RelayLoop relay;
    private final RoomService rooms;
    private final Counters counters;
    private final Supplier<Map<String, Long>> tcpDrops;
    private final ServerLifecycle server;
    private final Clock clock;
    private final long startedAt;
    private final Duration timeout;

    /**
     * {@code rooms} and {@code counters} are the relay thread's: touched only inside tasks run
     * there. {@code tcpDrops}: the TCP side's refusals by reason, readable from any thread.
     */
    public LiveAdmin(RelayLoop relay, RoomService rooms, Counters counters, Supplier<Map<String, Long>> tcpDrops,
                     ServerLifecycle server, Clock clock, long startedAt, Duration timeout) {
        this.relay = relay;
        this.rooms = rooms;
        this.counters = counters;
        this.tcpDrops = tcpDrops;
        this.server = server;
        this.clock = clock;
        this.startedAt = startedAt;
        this.timeout = timeout;
    }

    @Override
    public String fingerprint() throws AdminException {
        return server.tlsFingerprint().orElseThrow(() -> new AdminException("the server has not started its TLS port yet"));
    }

    private interface Task<T> {
        T run(RoomRegistry registry, RoomService rooms, long now) throws RoomException;
    }

    private <T> T call(Task<T> task) throws AdminException {
        Callable<T> c = () -> task.run(rooms.registry(), rooms, clock.millis());
        try {
            return relay.submit(c).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RoomException) {
                throw new AdminException(e.getCause().getMessage());
            }
            throw new AdminException("failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw new AdminException("the relay did not answer within " + seconds(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("interrupted");
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    @Override
    public List<RoomView> rooms() throws AdminException {
        return call((registry, m, now) -> {
            List<RoomView> out = new ArrayList<>();
            for (Room r : registry.rooms()) {
                out.add(new RoomView(r.name(), r.hostName(), r.size(), r.locked(), r.messagesRelayed(),
                        Duration.ofMillis(Math.max(0, now - r.createdAt()))));
            }
            return out;
        });
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
        return call((registry, m, now) -> m.say(room, message, now));
    }

    @Override
    public StatsView stats() throws AdminException {
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        return call((registry, m, now) -> {
            Counters c = counters;
            Map<String, Long> drops = new LinkedHashMap<>(c.dropsByReason());
            drops.putAll(tcpDrops.get());
            return new StatsView(Duration.ofMillis(now - startedAt), registry.rooms().size(), registry.memberCount(),
                    c.messagesIn, c.deliveries, c.messagesPerSecond(now), c.deliveriesPerSecond(now), c.retransmissions,
                    drops, c.bytesIn, c.bytesOut, heapUsed, rt.maxMemory());
        });
    }

    @Override
    public void save() throws AdminException {
        if (!server.persists()) {
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
        server.shutdown();
    }
}
