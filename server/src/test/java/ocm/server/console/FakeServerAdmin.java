package ocm.server.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import ocm.server.admin.AdminException;
import ocm.server.admin.BanView;
import ocm.server.admin.RoomView;
import ocm.server.admin.ServerAdmin;
import ocm.server.admin.StatsView;
import ocm.server.admin.UserView;

/** A ServerAdmin that returns canned views and records every call, e.g. "kick lobby bob spam". */
final class FakeServerAdmin implements ServerAdmin {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile List<RoomView> rooms = List.of();
    volatile List<UserView> users = List.of();
    volatile List<BanView> bans = List.of();
    volatile StatsView stats = new StatsView(Duration.ZERO, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0);
    volatile int sayReach = 1;
    /** What unban() answers: the bans still covering the lifted ban's address. */
    volatile List<BanView> stillBanned = List.of();
    /** When set, every failing-capable call throws an AdminException with this message. */
    volatile String failure;
    /** When set, rooms() fails with it, as a server bug would. */
    volatile RuntimeException bug;
    final CountDownLatch shutdownCalled = new CountDownLatch(1);

    static FakeServerAdmin withLobby() {
        FakeServerAdmin admin = new FakeServerAdmin();
        admin.rooms = List.of(
            new RoomView("lobby", "alice", 3, false, 1234, Duration.ofMinutes(125)),
            new RoomView("my room", "carol", 1, true, 7, Duration.ofSeconds(42)));
        admin.users = List.of(
            new UserView("alice", "lobby", Optional.of("127.0.0.1:50001"), 2, Duration.ofSeconds(3), true),
            new UserView("bob", "lobby", Optional.of("127.0.0.1:50002"), 1, Duration.ofSeconds(75), false),
            new UserView("dave", "lobby", Optional.empty(), 0, Duration.ZERO, false),
            new UserView("carol", "my room", Optional.of("127.0.0.1:50003"), 2, Duration.ofHours(2), true));
        admin.bans = List.of(new BanView("lobby", "mallory", Optional.of("127.0.0.9"), "spam"));
        return admin;
    }

    @Override
    public List<RoomView> rooms() throws AdminException {
        calls.add("rooms");
        if (bug != null) {
            throw bug;
        }
        failIfAsked();
        return rooms;
    }

    @Override
    public List<UserView> users(Optional<String> room) throws AdminException {
        calls.add("users" + room.map(r -> " " + r).orElse(""));
        failIfAsked();
        if (room.isEmpty()) {
            return users;
        }
        List<UserView> inRoom = new ArrayList<>();
        for (UserView u : users) {
            if (u.room().equals(room.get())) {
                inRoom.add(u);
            }
        }
        return inRoom;
    }

    @Override
    public void kick(String room, String user, String reason) throws AdminException {
        calls.add("kick " + room + "|" + user + "|" + reason);
        failIfAsked();
    }

    @Override
    public boolean ban(String room, String user, String reason) throws AdminException {
        calls.add("ban " + room + "|" + user + "|" + reason);
        failIfAsked();
        return true;
    }

    @Override
    public List<BanView> unban(String room, String user) throws AdminException {
        calls.add("unban " + room + "|" + user);
        failIfAsked();
        return stillBanned;
    }

    @Override
    public List<BanView> bans(String room) throws AdminException {
        calls.add("bans " + room);
        failIfAsked();
        return bans.stream().filter(b -> b.room().equals(room)).toList();
    }

    @Override
    public void close(String room, String reason) throws AdminException {
        calls.add("close " + room + "|" + reason);
        failIfAsked();
    }

    @Override
    public int say(String room, String message) throws AdminException {
        calls.add("say " + room + "|" + message);
        failIfAsked();
        return sayReach;
    }

    /** What /stats shows as log lines dropped. */
    long logLinesDropped;

    @Override
    public long logLinesDropped() {
        return logLinesDropped;
    }

    @Override
    public StatsView stats() throws AdminException {
        calls.add("stats");
        failIfAsked();
        return stats;
    }

    @Override
    public void save() throws AdminException {
        calls.add("save");
        failIfAsked();
    }

    @Override
    public void shutdown() {
        calls.add("shutdown");
        shutdownCalled.countDown();
    }

    private void failIfAsked() throws AdminException {
        if (failure != null) {
            throw new AdminException(failure);
        }
    }
}
