package ocm.server.udp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.Utf8;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketType;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.server.room.Ban;
import ocm.server.room.Member;
import ocm.server.room.Outgoing;
import ocm.server.room.PasswordHash;
import ocm.server.room.Room;
import ocm.server.room.RoomException;
import ocm.server.room.RoomRegistry;
import ocm.server.room.Tokens;

/**
 * Membership changes and how the room hears of them: joins (from TCP), leaves, kicks, bans,
 * timeouts and closes, each logged once and announced to v2 members (event + member list) and
 * v1 members (a notice from "*server*"). Relay thread only.
 */
public final class Membership {
    private static final Logger LOG = Logger.getLogger("ocm.server.rooms");
    /** Reasons (kick, ban, close) are cut to this, so every notice and event built from them fits a datagram. */
    static final int MAX_REASON_BYTES = 1000;

    private final RoomRegistry registry;
    private final Outbox outbox;
    private final Relay relay;
    /** The relay's own removals (backlog full, gave up, silent) all end here, as TIMED_OUT. */
    private final Removals removals = new Removals((m, why, now) -> end(m, EndReason.TIMED_OUT, why, now));

    Membership(RoomRegistry registry, Outbox outbox, Relay relay) {
        this.registry = registry;
        this.outbox = outbox;
        this.relay = relay;
    }

    Removals removals() {
        return removals;
    }

    // ---- from the TCP service ----------------------------------------------------------

    public Admission create(String room, String user, Optional<PasswordHash> password, int protocol, String ip,
                            long now) throws RoomException {
        try {
            Member m = registry.create(room, user, password, protocol, ip, now);
            LOG.info(() -> "room '" + room + "' created by " + user + " from " + ip
                    + (password.isPresent() ? " (locked)" : "") + ", token " + Tokens.redact(m.token()));
            return admission(m);
        } catch (RoomException e) {
            LOG.info(() -> "refused create '" + room + "' by " + user + " from " + ip + ": " + e.getMessage());
            throw e;
        }
    }

    public Admission join(String room, String user, Optional<PasswordHash> verified, int protocol, String ip,
                          long now) throws RoomException {
        try {
            Member m = registry.join(room, user, verified, protocol, ip, now);
            LOG.info(() -> user + " joined '" + room + "' from " + ip + ", token " + Tokens.redact(m.token()));
            announce(m.room(), EventKind.JOINED, user, "", user + " joined the room", m);
            broadcastMembers(m.room());
            return admission(m);
        } catch (RoomException e) {
            LOG.info(() -> "refused join '" + room + "' by " + user + " from " + ip + ": " + e.getMessage());
            throw e;
        }
    }

    public RoomListing list() {
        List<RoomListing.RoomSummary> rooms = new ArrayList<>();
        for (Room r : registry.rooms()) {
            rooms.add(new RoomListing.RoomSummary(r.name(), r.hostName(), r.size(), r.locked()));
        }
        return new RoomListing(rooms);
    }

    private static Admission admission(Member m) {
        Room r = m.room();
        return new Admission(m.token(), r.name(), m.name(), m.isHost(), r.hostName(), r.memberNames(), r.locked());
    }

    // ---- leaving -----------------------------------------------------------------------

    /** Ends one membership; a host leaving, timing out or being removed closes the room. */
    public void end(Member m, EndReason reason, String reasonText, long now) {
        if (m.gone()) {
            return;
        }
        String message = Relay.truncate(reasonText, MAX_REASON_BYTES);
        Room room = m.room();
        if (m.isHost()) {
            // The host hears the answer to what it did (e.g. Ended(LEFT)); everyone else hears why the room closed.
            tellEnded(m, reason, message);
            closeRoom(room, hostClosure(reason), message, now, m);
            return;
        }
        tellEnded(m, reason, message);
        outbox.detach(m);
        registry.remove(m, reason, message, now);
        EventKind kind = eventFor(reason);
        LOG.info(() -> m.name() + " " + verb(reason) + " '" + room.name() + "'" + (message.isEmpty() ? "" : ": " + message));
        String v1Text = m.name() + " " + verb(reason) + " the room" + (reason == EndReason.LEFT || message.isEmpty() ? "" : ": " + message);
        announce(room, kind, m.name(), reason == EndReason.LEFT ? "" : message, v1Text, null);
        broadcastMembers(room);
    }

    /** Closes the room: everyone is told, every token revoked, the room deleted. */
    public void closeRoom(Room room, EndReason reason, String message, long now) {
        closeRoom(room, reason, message, now, null);
    }

    private void closeRoom(Room room, EndReason reason, String reasonText, long now, Member alreadyTold) {
        if (room.closed()) {
            return;
        }
        String message = Relay.truncate(reasonText, MAX_REASON_BYTES);
        for (Member m : room.members()) {
            if (m != alreadyTold) {
                tellEnded(m, reason, message);
            }
            outbox.detach(m);
        }
        registry.close(room, reason, message, now);
        LOG.info(() -> "room '" + room.name() + "' closed (" + reason.name().toLowerCase().replace('_', ' ') + ")"
                + (message.isEmpty() ? "" : ": " + message));
    }

    /** Tells a member its membership is over: v2 Ended; v1 a notice (if there is a reason) then __ROOM_CLOSED__. */
    private void tellEnded(Member m, EndReason reason, String message) {
        if (m.address() == null) {
            return;
        }
        if (m.stream() != null || m.protocol() == 2) {
            outbox.sendNow(m.room().nameUtf8(), m.address(), new Packet.Ended(reason, message));
            return;
        }
        if (reason == EndReason.LEFT) {
            return;
        }
        String notice = v1Notice(reason, message);
        if (!notice.isEmpty()) {
            relay.noticeV1(m, notice);
        }
        outbox.sendRoomClosed(m.address());
    }

    private static String v1Notice(EndReason reason, String message) {
        String why = message.isEmpty() ? "" : ": " + message;
        switch (reason) {
            case KICKED:
                return "you were kicked" + why;
            case BANNED:
                return "you were banned" + why;
            case TIMED_OUT:
                return "you timed out" + why;
            case CLOSED_BY_ADMIN:
                return "the room was closed by the server" + why;
            case CLOSED_BY_HOST:
                return "the host closed the room" + why;
            case HOST_TIMED_OUT:
                return "the host timed out, the room is closed";
            default:
                return "";
        }
    }

    private static EndReason hostClosure(EndReason reason) {
        switch (reason) {
            case LEFT:
                return EndReason.HOST_LEFT;
            case TIMED_OUT:
                return EndReason.HOST_TIMED_OUT;
            case KICKED:
            case BANNED:
                return EndReason.CLOSED_BY_ADMIN;
            default:
                return reason;
        }
    }

    private static EventKind eventFor(EndReason reason) {
        switch (reason) {
            case KICKED:
                return EventKind.KICKED;
            case BANNED:
                return EventKind.BANNED;
            case TIMED_OUT:
                return EventKind.TIMED_OUT;
            default:
                return EventKind.LEFT;
        }
    }

    private static String verb(EndReason reason) {
        switch (reason) {
            case KICKED:
                return "was kicked from";
            case BANNED:
                return "was banned from";
            case TIMED_OUT:
                return "timed out of";
            default:
                return "left";
        }
    }

    // ---- host requests (v2) ------------------------------------------------------------

    void kickByHost(Member host, Packet.Kick kick, long now) {
        if (!host.isHost()) {
            outbox.control(host, new Packet.Error(ErrorCode.NOT_HOST, "only the host can kick"));
            return;
        }
        Optional<Member> target = host.room().member(kick.target());
        if (target.isEmpty() || target.get() == host) {
            outbox.control(host, new Packet.Error(ErrorCode.NO_SUCH_MEMBER,
                    target.isEmpty() ? "no member named '" + kick.target() + "'" : "the host cannot kick itself; leave or close instead"));
            return;
        }
        end(target.get(), EndReason.KICKED, kick.reason(), now);
    }

    void closeByHost(Member host, String reason, long now) {
        if (!host.isHost()) {
            outbox.control(host, new Packet.Error(ErrorCode.NOT_HOST, "only the host can close the room"));
            return;
        }
        closeRoom(host.room(), EndReason.CLOSED_BY_HOST, reason, now);
    }

    // ---- operator requests -------------------------------------------------------------

    public void kick(String roomName, String user, String reason, long now) throws RoomException {
        checkReason(reason);
        Member m = member(roomName, user);
        if (m.isHost()) {
            closeRoom(m.room(), EndReason.CLOSED_BY_ADMIN, reason.isEmpty() ? "the host was kicked" : reason, now);
        } else {
            end(m, EndReason.KICKED, reason, now);
        }
    }

    /**
     * Bans a name (and its address, if known) in a room. A member is removed at once; someone no longer
     * in the room (say, kicked a moment ago) is banned by name and by the address it last had here, if the
     * room still remembers it. Returns whether the user was in the room.
     */
    public boolean ban(String roomName, String user, String reason, long now) throws RoomException {
        checkReason(reason);
        Room room = registry.existing(roomName);
        Optional<Member> present = room.member(user);
        if (present.isEmpty()) {
            Optional<String> ip = room.lastAddressOf(user);
            registry.ban(room, new Ban(user, ip, reason));
            LOG.info(() -> user + " banned from '" + roomName + "' while not in it"
                    + ip.map(a -> ", with last known address " + a).orElse(", by name only"));
            return false;
        }
        Member m = present.get();
        registry.ban(room, new Ban(user, Optional.ofNullable(m.ip()), reason));
        LOG.info(() -> user + " banned from '" + roomName + "'" + (m.ip() == null ? "" : " with address " + m.ip()));
        if (m.isHost()) {
            closeRoom(room, EndReason.CLOSED_BY_ADMIN, reason.isEmpty() ? "the host was banned" : reason, now);
        } else {
            end(m, EndReason.BANNED, reason, now);
        }
        return true;
    }

    /**
     * Lifts the ban on {@code user}. A ban covers an address too, so other bans may still refuse the address
     * this one was made with: they are returned (empty if none), for the operator to hear why a rejoin from
     * there is still refused.
     */
    public List<Ban> unban(String roomName, String user) throws RoomException {
        Room room = registry.existing(roomName);
        Ban lifted = room.bans().get(user);
        if (lifted == null || !registry.unban(room, user)) {
            throw new RoomException(ErrorCode.NO_SUCH_MEMBER, "'" + user + "' is not banned in '" + roomName + "'");
        }
        List<Ban> stillCovering = lifted.address().map(room::bansOfAddress).orElse(List.of());
        LOG.info(() -> user + " unbanned in '" + roomName + "'" + (stillCovering.isEmpty() ? ""
                : "; " + lifted.address().get() + " is still banned by the ban on "
                + String.join(", ", stillCovering.stream().map(Ban::name).toList())));
        return stillCovering;
    }

    public void close(String roomName, String reason, long now) throws RoomException {
        checkReason(reason);
        closeRoom(registry.existing(roomName), EndReason.CLOSED_BY_ADMIN, reason, now);
    }

    /**
     * An announcement to one room, or all with "*"; returns how many rooms it reached. One longer than a
     * chat may be is refused whole: the operator would otherwise believe the members read all of it.
     */
    public int say(String roomName, String message) throws RoomException {
        int bytes = Utf8.encode(message).length;
        if (bytes > Limits.MAX_TEXT_BYTES) {
            throw new RoomException(ErrorCode.TOO_LONG, "message too long: " + bytes + " bytes, an announcement can be at most "
                    + Limits.MAX_TEXT_BYTES + " bytes (UTF-8); nothing was sent");
        }
        List<Room> targets = new ArrayList<>();
        if ("*".equals(roomName)) {
            targets.addAll(registry.rooms());
        } else {
            targets.add(registry.existing(roomName));
        }
        for (Room r : targets) {
            announce(r, EventKind.NOTICE, "", message, message, null);
        }
        return targets.size();
    }

    /**
     * An operator's reason reaches the members whole or not at all: {@link #end} cuts what a host sends,
     * but the operator is told instead, before anything changes.
     */
    private static void checkReason(String reason) throws RoomException {
        int bytes = Utf8.encode(reason).length;
        if (bytes > MAX_REASON_BYTES) {
            throw new RoomException(ErrorCode.TOO_LONG, "reason too long: " + bytes + " bytes, a reason can be at most "
                    + MAX_REASON_BYTES + " bytes (UTF-8); nothing was done");
        }
    }

    private Member member(String roomName, String user) throws RoomException {
        Room room = registry.existing(roomName);
        return room.member(user).orElseThrow(() ->
                new RoomException(ErrorCode.NO_SUCH_MEMBER, "no member named '" + user + "' in '" + roomName + "'"));
    }

    // ---- telling the room --------------------------------------------------------------

    /** A room event to v2 members (reliable) and, if {@code v1Text} is set, a notice to v1 members. */
    void announce(Room room, EventKind kind, String name, String text, String v1Text, Member except) {
        int mark = removals.mark();
        Outgoing event = null;
        for (int i = 0; i < room.size(); i++) {
            Member t = room.memberAt(i);
            if (t == except || t.address() == null) {
                continue;
            }
            if (t.stream() != null) {
                if (event == null) {
                    event = new Outgoing(PacketType.EVENT, V2Codec.encodeReliableTail(
                            new Packet.RoomEvent(0, System.currentTimeMillis(), kind, name, text)));
                }
                enqueueInLoop(t, event);
            } else if (t.protocol() == 1 && v1Text != null) {
                relay.noticeV1(t, v1Text);
            }
        }
        removals.carryOut(mark, System.currentTimeMillis());
    }

    void broadcastMembers(Room room) {
        int mark = removals.mark();
        Outgoing list = null;
        for (int i = 0; i < room.size(); i++) {
            Member t = room.memberAt(i);
            if (t.stream() != null && t.address() != null) {
                if (list == null) {
                    list = memberList(room);
                }
                enqueueInLoop(t, list);
            }
        }
        removals.carryOut(mark, System.currentTimeMillis());
    }

    /**
     * Queues a reliable item for one member; true if it was queued. A member whose backlog is full is too far
     * behind ever to catch up (it would have missed this item), so it is removed at once, as for a chat it
     * cannot take: the caller is not looping over the room, and stops when this returns false.
     */
    boolean deliver(Member m, Outgoing item, long now) {
        if (outbox.enqueue(m, item)) {
            return true;
        }
        removals.removeNow(m, Removals.TOO_FAR_BEHIND, now);
        return false;
    }

    /** Queues an item in a loop over the room; a member whose backlog is full is removed once the loop is done. */
    void enqueueInLoop(Member t, Outgoing item) {
        if (!outbox.enqueue(t, item)) {
            removals.queue(t, Removals.TOO_FAR_BEHIND);
        }
    }

    /** The whole member list, host first, cut to what fits one datagram. */
    Outgoing memberList(Room room) {
        List<Packet.Member> rows = new ArrayList<>();
        int budget = Limits.MAX_TEXT_BYTES;
        for (Member m : room.members()) {
            int size = 2 + Utf8.encode(m.name()).length;
            if (size > budget) {
                break;
            }
            budget -= size;
            Packet.Member row = new Packet.Member(m.name(), m.isHost(), m.protocol() == 1);
            if (m.isHost()) {
                rows.add(0, row);
            } else {
                rows.add(row);
            }
        }
        return new Outgoing(PacketType.MEMBERS, V2Codec.encodeReliableTail(new Packet.MemberList(0, rows)));
    }
}
