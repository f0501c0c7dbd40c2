package ocm.server.room;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ocm.protocol.ErrorCode;
import ocm.protocol.Names;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.stats.MemberCounts;

/**
 * All rooms and the token index. Enforces the rules: valid names, unique member names per room,
 * one fresh token per member (never handed out twice), bans, passwords, limits. Plain object:
 * the relay thread is its only user; no sockets, no clock of its own.
 */
public final class RoomRegistry {
    /** The limits the registry enforces. */
    public record Limits(int maxRooms, int maxMembersPerRoom, int historySize, double messagesPerSecond, int burst) {
    }

    private final Limits limits;
    private final Tokens tokens;
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<String, Member> byToken = new HashMap<>();
    private final TokenIndex byTokenBytes = new TokenIndex();
    /** Restored members whose token we know only by its hash, until their client speaks. */
    private final Map<String, Member> byHash = new HashMap<>();
    private final Revocations revocations = new Revocations(50_000, 10 * 60_000L);
    private static final String HASHED = "#";
    private int memberCount;
    private int hashedRevocations;
    private boolean dirty;
    /** Changes whenever the room list (rooms, member counts) may have: lets the TCP side reuse its encoded list. */
    private long listVersion;

    public RoomRegistry(Limits limits, Tokens tokens) {
        this.limits = limits;
        this.tokens = tokens;
    }

    public Member create(String roomName, String user, Optional<PasswordHash> password, int protocol, String ip,
                         long now) throws RoomException {
        checkNames(roomName, user);
        Optional<String> p = Names.newRoomProblem(roomName);
        if (p.isPresent()) {
            throw new RoomException(ErrorCode.INVALID_ROOM_NAME, p.get());
        }
        if (rooms.containsKey(roomName)) {
            throw new RoomException(ErrorCode.ROOM_EXISTS, "a room named '" + roomName + "' already exists");
        }
        if (rooms.size() >= limits.maxRooms()) {
            throw new RoomException(ErrorCode.SERVER_FULL, "the server has its maximum of " + limits.maxRooms() + " rooms");
        }
        Room room = new Room(roomName, user, password, now, limits.historySize());
        rooms.put(roomName, room);
        return addMember(room, user, protocol, ip, now);
    }

    /** The password a join must match, checked by the caller off the relay thread. */
    public Optional<PasswordHash> passwordOf(String roomName) throws RoomException {
        return existing(roomName).password();
    }

    /**
     * Joins; {@code verified} is the password hash the caller checked the given password against
     * (it must still be this room's, in case the room was closed and made again meanwhile).
     */
    public Member join(String roomName, String user, Optional<PasswordHash> verified, int protocol, String ip,
                       long now) throws RoomException {
        checkNames(roomName, user);
        Room room = existing(roomName);
        if (room.password().isPresent() && (verified.isEmpty() || verified.get() != room.password().get())) {
            throw new RoomException(ErrorCode.WRONG_PASSWORD, verified.isEmpty()
                    ? "room '" + roomName + "' needs a password" : "wrong password for room '" + roomName + "'");
        }
        Optional<Ban> ban = room.banFor(user, ip);
        if (ban.isPresent()) {
            throw new RoomException(ErrorCode.BANNED, "you are banned from room '" + roomName + "'"
                    + (ban.get().reason().isEmpty() ? "" : ": " + ban.get().reason()));
        }
        if (room.member(user).isPresent()) {
            throw new RoomException(ErrorCode.NAME_TAKEN, "the name '" + user + "' is taken in room '" + roomName + "'");
        }
        Optional<Member> alike = room.lookAlike(user);
        if (alike.isPresent()) {
            throw new RoomException(ErrorCode.NAME_TAKEN, "the name '" + user + "' looks like '" + alike.get().name()
                    + "', who is in room '" + roomName + "'");
        }
        if (room.size() >= limits.maxMembersPerRoom()) {
            throw new RoomException(ErrorCode.ROOM_FULL, "room '" + roomName + "' is full (" + limits.maxMembersPerRoom() + " members)");
        }
        return addMember(room, user, protocol, ip, now);
    }

    /**
     * Adds a member whose admission was decided elsewhere (cluster mode: the cluster's registry
     * checked name, ban, password and size); the token is fresh, as for any member.
     */
    public Member admit(Room room, String user, int protocol, String ip, long now) {
        return addMember(room, user, protocol, ip, now);
    }

    private Member addMember(Room room, String user, int protocol, String ip, long now) {
        String token;
        do {
            token = tokens.next();
        } while (byToken.containsKey(token) || revocations.contains(token));
        Member m = new Member(room, user, token, Tokens.hash(token), ip, protocol, now,
                new TokenBucket(limits.messagesPerSecond(), limits.burst(), now));
        room.add(m);
        byToken.put(token, m);
        byTokenBytes.put(m.tokenUtf8(), m);
        memberCount++;
        listVersion++;
        dirty = true;
        return m;
    }

    /** Puts back a member from the state file; its token is known only by hash until it is seen. */
    public Member restoreMember(Room room, String user, String tokenHash, InetSocketAddress address, int protocol,
                                long joinedAt, long now) {
        Member m = new Member(room, user, null, tokenHash, null, protocol, joinedAt,
                new TokenBucket(limits.messagesPerSecond(), limits.burst(), now));
        m.address(address);
        m.heard(now);
        room.add(m);
        byHash.put(tokenHash, m);
        memberCount++;
        listVersion++;
        return m;
    }

    public Room restoreRoom(String name, String host, Optional<PasswordHash> password, long createdAt, int nextMsgId,
                            int msgIdReserved, long relayed, List<ChatRecord> history, List<Ban> bans) {
        Room room = new Room(name, host, password, createdAt, limits.historySize());
        room.restore(nextMsgId, msgIdReserved, relayed, history);
        bans.forEach(room::ban);
        rooms.put(name, room);
        listVersion++;
        return room;
    }

    /** The live member holding this token, or null. A restored member is found by hash, then by token. */
    public Member byToken(String token) {
        Member m = byToken.get(token);
        if (m == null && !byHash.isEmpty()) {
            m = byHash.remove(Tokens.hash(token));
            if (m != null) {
                m.token(token);
                byToken.put(token, m);
                byTokenBytes.put(m.tokenUtf8(), m);
            }
        }
        return m;
    }

    /** The live member whose token is these bytes of {@code buf}, or null; allocates nothing. */
    public Member byTokenBytes(java.nio.ByteBuffer buf, int offset, int length) {
        return byTokenBytes.get(buf, offset, length);
    }

    /** Removes one member and revokes its token. Does not close the room (the caller decides). */
    public void remove(Member m, EndReason reason, String message, long now) {
        if (m.gone()) {
            return;
        }
        m.markGone();
        m.room().remove(m);
        String ip = m.ip();
        if (ip != null) {
            m.room().rememberDeparted(m.name(), ip);
        }
        memberCount--;
        listVersion++;
        if (m.token() != null) {
            byToken.remove(m.token());
            byTokenBytes.remove(m.tokenUtf8());
            revocations.add(m.token(), m.room().name(), m.address(), m.protocol(), reason, message, now);
        } else {
            // Restored and never seen since: remember it by hash, so a late datagram still gets "ended".
            byHash.remove(m.tokenHash());
            revocations.add(HASHED + m.tokenHash(), m.room().name(), m.address(), m.protocol(), reason, message, now);
            hashedRevocations++;
        }
        dirty = true;
    }

    /** Deletes the room, revoking every member's token; returns the members it had. */
    public List<Member> close(Room room, EndReason reason, String message, long now) {
        List<Member> members = new ArrayList<>(room.members());
        for (Member m : members) {
            remove(m, reason, message, now);
        }
        room.markClosed();
        rooms.remove(room.name());
        listVersion++;
        dirty = true;
        return members;
    }

    public Revocations.Revoked revoked(String token, long now) {
        Revocations.Revoked r = revocations.get(token, now);
        if (r == null && hashedRevocations > 0) {
            r = revocations.get(HASHED + Tokens.hash(token), now);
        }
        return r;
    }

    public void expireRevocations(long now) {
        revocations.expire(now);
    }

    /** Bans a name (and address, if given); a name no one could join with is refused, so the ban list holds no junk. */
    public void ban(Room room, Ban ban) throws RoomException {
        Optional<String> problem = Names.userProblem(ban.name());
        if (problem.isPresent()) {
            throw new RoomException(ErrorCode.INVALID_USER_NAME, problem.get());
        }
        room.ban(ban);
        dirty = true;
    }

    public boolean unban(Room room, String user) {
        boolean removed = room.unban(user);
        dirty |= removed;
        return removed;
    }

    public Optional<Room> room(String name) {
        return Optional.ofNullable(rooms.get(name));
    }

    public Room existing(String name) throws RoomException {
        Room r = rooms.get(name);
        if (r == null) {
            throw new RoomException(ErrorCode.NO_SUCH_ROOM, "no room named '" + name + "'");
        }
        return r;
    }

    public Collection<Room> rooms() {
        return Collections.unmodifiableCollection(rooms.values());
    }

    public long listVersion() {
        return listVersion;
    }

    public int memberCount() {
        return memberCount;
    }

    public void markDirty() {
        dirty = true;
    }

    /** The most rooms at once. */
    public int maxRooms() {
        return limits.maxRooms();
    }

    /** True once since the last call if anything persistent changed. */
    public boolean takeDirty() {
        boolean d = dirty;
        dirty = false;
        return d;
    }

    /** Refuses a room or user name no one may use (the same check create and join make). */
    public static void checkNames(String roomName, String user) throws RoomException {
        Optional<String> p = Names.roomProblem(roomName);
        if (p.isPresent()) {
            throw new RoomException(ErrorCode.INVALID_ROOM_NAME, p.get());
        }
        p = Names.userProblem(user);
        if (p.isPresent()) {
            throw new RoomException(ErrorCode.INVALID_USER_NAME, p.get());
        }
    }

    /** Rooms and members by how they reach the server (for metrics): walks every member, so call it rarely. */
    public MemberCounts memberCounts() {
        int v1 = 0;
        int v2 = 0;
        int unregistered = 0;
        for (Room room : rooms.values()) {
            for (Member m : room.members()) {
                if (m.address() == null) {
                    unregistered++;
                } else if (m.protocol() == 1) {
                    v1++;
                } else {
                    v2++;
                }
            }
        }
        return new MemberCounts(rooms.size(), v1, v2, unregistered);
    }
}
