package ocm.server.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.Names;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.room.PasswordHash;
import ocm.server.room.RoomException;
import ocm.server.room.RoomRegistry;
import ocm.server.tcp.RoomAccess;

/**
 * The TCP side's way to the rooms in cluster mode. Admissions are decided by the cluster's
 * registry in Redis (one script each: a room name or member name is taken by exactly one
 * request, whichever node it reached), then the node follows the room and adds the member to its
 * copy in a relay task. Nothing here blocks: each step completes the next.
 */
public final class ClusterRooms implements RoomAccess {
    private static final Logger LOG = Logger.getLogger("ocm.server.cluster");

    private final ClusterEngine engine;
    private final RedisBus bus;
    private final RelayTasks relay;
    private final int maxMembersPerRoom;
    private final AtomicLong listVersion = new AtomicLong();

    ClusterRooms(ClusterEngine engine, RedisBus bus, RelayTasks relay, int maxMembersPerRoom) {
        this.engine = engine;
        this.bus = bus;
        this.relay = relay;
        this.maxMembersPerRoom = maxMembersPerRoom;
    }

    @Override
    public CompletableFuture<Admission> create(String room, String user, Optional<PasswordHash> password, int protocol,
                                               String ip, long now) {
        try {
            RoomRegistry.checkNames(room, user);
            Optional<String> p = Names.newRoomProblem(room);
            if (p.isPresent()) {
                throw new RoomException(ErrorCode.INVALID_ROOM_NAME, p.get());
            }
        } catch (RoomException e) {
            return CompletableFuture.failedFuture(e);
        }
        String node = engine.node();
        return bus.evalLong(Scripts.CREATE, new String[] {Keys.room(room), Keys.members(room), Keys.ROOMS, Keys.nodeRooms(node)},
                room, user, Passwords.encode(password), String.valueOf(now), node, Keys.memberValue(node, protocol, now))
                .thenCompose(made -> {
                    if (made == 0) {
                        LOG.info(() -> "refused create '" + room + "' by " + user + " from " + ip + ": it exists in the cluster");
                        throw new CompletionException(new RoomException(ErrorCode.ROOM_EXISTS, "a room named '" + room + "' already exists"));
                    }
                    LOG.info(() -> "room '" + room + "' created in the cluster by " + user + " from " + ip
                            + (password.isPresent() ? " (locked)" : ""));
                    return admitHere(room, user, protocol, ip, now);
                });
    }

    @Override
    public CompletableFuture<Admission> join(String room, String user, Optional<PasswordHash> verified, int protocol,
                                             String ip, long now) {
        try {
            RoomRegistry.checkNames(room, user);
        } catch (RoomException e) {
            return CompletableFuture.failedFuture(e);
        }
        String node = engine.node();
        return bus.evalString(Scripts.JOIN, new String[] {Keys.room(room), Keys.log(room), Keys.members(room), Keys.bans(room),
                        Keys.nodeRooms(node)}, user, Passwords.encode(verified), String.valueOf(maxMembersPerRoom),
                Keys.memberValue(node, protocol, now), engine.maxlen(), Keys.channel(room), node, String.valueOf(protocol), room, "0")
                .thenCompose(answer -> {
                    if (!"OK".equals(answer)) {
                        RoomException refusal = refusal(answer, room, user, verified.isPresent());
                        LOG.info(() -> "refused join '" + room + "' by " + user + " from " + ip + ": " + refusal.getMessage());
                        throw new CompletionException(refusal);
                    }
                    return admitHere(room, user, protocol, ip, now);
                });
    }

    private RoomException refusal(String answer, String room, String user, boolean gavePassword) {
        String a = String.valueOf(answer);
        if (a.startsWith("BANNED:")) {
            String reason = a.substring("BANNED:".length());
            return new RoomException(ErrorCode.BANNED, "you are banned from room '" + room + "'" + (reason.isEmpty() ? "" : ": " + reason));
        }
        switch (a) {
            case "NO_SUCH_ROOM":
                return new RoomException(ErrorCode.NO_SUCH_ROOM, "no room named '" + room + "'");
            case "WRONG_PASSWORD":
                return new RoomException(ErrorCode.WRONG_PASSWORD, gavePassword
                        ? "wrong password for room '" + room + "'" : "room '" + room + "' needs a password");
            case "NAME_TAKEN":
                return new RoomException(ErrorCode.NAME_TAKEN, "the name '" + user + "' is taken in room '" + room + "'");
            case "ROOM_FULL":
                return new RoomException(ErrorCode.ROOM_FULL, "room '" + room + "' is full (" + maxMembersPerRoom + " members)");
            default:
                return new RoomException(ErrorCode.INTERNAL, "the cluster answered '" + a + "'");
        }
    }

    /** The cluster admitted the member: follow the room here, then add it to the copy. A failure takes the admission back. */
    private CompletableFuture<Admission> admitHere(String room, String user, int protocol, String ip, long now) {
        CompletableFuture<Admission> admitted = relay.submit(() -> engine.follow(room))
                .thenCompose(ready -> ready)
                .thenCompose(ready -> relay.submit(() -> engine.admit(room, user, protocol, ip, now)));
        admitted.whenComplete((a, e) -> {
            if (e != null) {
                relay.execute(() -> engine.settled(room));
                bus.evalLong(Scripts.LEAVE, new String[] {Keys.room(room), Keys.log(room), Keys.members(room), Keys.seqs(room),
                        Keys.bans(room)}, user, EndReason.LEFT.name(), "", engine.maxlen(), Keys.channel(room), engine.node(), "0");
            }
        });
        return admitted;
    }

    @Override
    public CompletableFuture<Optional<PasswordHash>> passwordOf(String room) {
        return bus.async().hget(Keys.room(room), "pw").toCompletableFuture().thenApply(pw -> {
            if (pw == null) {
                throw new CompletionException(new RoomException(ErrorCode.NO_SUCH_ROOM, "no room named '" + room + "'"));
            }
            return Passwords.decode(pw);
        });
    }

    /** The cluster's room list, read afresh each time (one script: a LIST costs Redis one round trip). */
    @Override
    public CompletableFuture<VersionedListing> listIfChanged(long knownVersion) {
        return bus.evalList(Scripts.LIST, new String[] {Keys.ROOMS}).thenApply(flat -> {
            List<RoomListing.RoomSummary> rooms = new ArrayList<>();
            for (int i = 0; i + Scripts.LIST_FIELDS - 1 < flat.size(); i += Scripts.LIST_FIELDS) {
                rooms.add(new RoomListing.RoomSummary((String) flat.get(i), (String) flat.get(i + 1),
                        Integer.parseInt((String) flat.get(i + 3)), "1".equals(flat.get(i + 2))));
            }
            rooms.sort((a, b) -> a.name().compareTo(b.name()));
            return new VersionedListing(listVersion.incrementAndGet(), new RoomListing(rooms));
        });
    }
}
