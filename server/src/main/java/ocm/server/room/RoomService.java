package ocm.server.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import ocm.server.identity.NameOwners;
import ocm.server.stats.Counters;

/**
 * The rules of rooms, in one place: create, join, list, say, leave, kick, ban, unban, close, the
 * host rule (a host's leaving closes the room), the idle sweep, and telling the room of each.
 * The only owner of rooms, members, history and message ids (through {@link RoomRegistry}).
 * Knows no transport: everything a member is told goes through its {@link MemberLink}. Plain
 * object; every method runs on the relay thread, with the time passed in.
 */
public final class RoomService {
    private static final Logger LOG = Logger.getLogger("ocm.server.rooms");

    private final RoomRegistry registry;
    private final Counters counters;
    private final long v1IdleMillis;
    private final long v2IdleMillis;
    private final long hostGraceMillis;
    /** The relay's own removals (backlog full, gave up, silent) all end here, as TIMED_OUT. */
    private final Removals removals = new Removals((m, why, now) -> end(m, EndReason.TIMED_OUT, why, now));
    /** Reused by every fan-out: each item is encoded at most once per kind of link. */
    private final Encodings shared = new Encodings();
    /** Names owned by keys: a create or join under one needs one of its keys. */
    private final NameOwners owners;
    /** Where decisions go beyond this node: nowhere for a single node. */
    private RoomEngine engine = RoomEngine.IN_MEMORY;

    public RoomService(RoomRegistry registry, Counters counters, Duration v1IdleTimeout, Duration v2IdleTimeout) {
        this(registry, counters, v1IdleTimeout, v2IdleTimeout, NameOwners.inMemory(), Duration.ofSeconds(30));
    }

    public RoomService(RoomRegistry registry, Counters counters, Duration v1IdleTimeout, Duration v2IdleTimeout,
                       NameOwners owners) {
        this(registry, counters, v1IdleTimeout, v2IdleTimeout, owners, Duration.ofSeconds(30));
    }

    /** {@code hostRegisterGrace}: a room whose host has not registered over UDP this long after joining is removed. */
    public RoomService(RoomRegistry registry, Counters counters, Duration v1IdleTimeout, Duration v2IdleTimeout,
                       NameOwners owners, Duration hostRegisterGrace) {
        this.owners = owners;
        this.hostGraceMillis = hostRegisterGrace.toMillis();
        this.registry = registry;
        this.counters = counters;
        this.v1IdleMillis = v1IdleTimeout.toMillis();
        this.v2IdleMillis = v2IdleTimeout.toMillis();
    }

    public RoomRegistry registry() {
        return registry;
    }

    /** Set once, before the relay starts (cluster mode). */
    public void engine(RoomEngine e) {
        engine = java.util.Objects.requireNonNull(e, "engine");
    }

    // ---- from the TCP service ----------------------------------------------------------

    public Admission create(String room, String user, Optional<PasswordHash> password, int protocol, String ip,
                            long now) throws RoomException {
        return create(room, user, password, protocol, ip, Optional.empty(), now);
    }

    /** {@code key}: the fingerprint of the key the client proved (empty: none, as TCRP clients). */
    public Admission create(String room, String user, Optional<PasswordHash> password, int protocol, String ip,
                            Optional<String> key, long now) throws RoomException {
        try {
            checkOwner(user, key);
            Member m = registry.create(room, user, password, protocol, ip, now);
            LOG.info(() -> "room '" + room + "' created by " + user + " from " + ip
                    + (password.isPresent() ? " (locked)" : "") + ", token " + Tokens.redact(m.token()));
            warnNearRoomCap();
            return admission(m);
        } catch (RoomException e) {
            LOG.info(() -> "refused create '" + room + "' by " + user + " from " + ip + ": " + e.getMessage());
            throw e;
        }
    }

    public Admission join(String room, String user, Optional<PasswordHash> verified, int protocol, String ip,
                          long now) throws RoomException {
        return join(room, user, verified, protocol, ip, Optional.empty(), now);
    }

    public Admission join(String room, String user, Optional<PasswordHash> verified, int protocol, String ip,
                          Optional<String> key, long now) throws RoomException {
        try {
            checkOwner(user, key);
            Member m = registry.join(room, user, verified, protocol, ip, now);
            LOG.info(() -> user + " joined '" + room + "' from " + ip + ", token " + Tokens.redact(m.token()));
            announce(m.room(), EventKind.JOINED, user, "", user + " joined the room", m, now);
            broadcastMembers(m.room(), now);
            return admission(m);
        } catch (RoomException e) {
            LOG.info(() -> "refused join '" + room + "' by " + user + " from " + ip + ": " + e.getMessage());
            throw e;
        }
    }

    private void checkOwner(String user, Optional<String> key) throws RoomException {
        if (!owners.mayUse(user, key)) {
            throw new RoomException(ErrorCode.NAME_TAKEN, NameOwners.refusal(user));
        }
    }

    /** The key fingerprints that own {@code name} (empty: nobody owns it); any thread. */
    public java.util.Set<String> ownersOf(String name) {
        return owners.keysOf(name);
    }

    /** The operator is told once each time the room count climbs to 90% of the cap, before creates are refused. */
    private void warnNearRoomCap() {
        int max = registry.maxRooms();
        int n = registry.rooms().size();
        int warnAt = Math.max(1, (int) Math.ceil(max * 0.9));
        if (n == warnAt && max >= 10) {
            LOG.warning(() -> n + " rooms of at most " + max + " (--max-rooms): creates will be refused SERVER_FULL at "
                    + max + "; rooms whose host never registered over UDP go after the grace time");
        }
    }

    /** The password a join must match, checked by the caller off the relay thread. */
    public Optional<PasswordHash> passwordOf(String room) throws RoomException {
        return registry.passwordOf(room);
    }

    public RoomListing list() {
        List<RoomListing.RoomSummary> rooms = new ArrayList<>();
        for (Room r : registry.rooms()) {
            rooms.add(new RoomListing.RoomSummary(r.name(), r.hostName(), r.size(), r.locked()));
        }
        return new RoomListing(rooms);
    }

    /** Changes whenever {@link #list()} may have. */
    public long listVersion() {
        return registry.listVersion();
    }

    /**
     * Cluster mode: adds a member the cluster's registry has admitted to this node's copy of the
     * room, and tells the room here (other nodes hear it from the cluster).
     */
    public Admission admit(Room room, String user, int protocol, String ip, long now) {
        Member m = registry.admit(room, user, protocol, ip, now);
        LOG.info(() -> user + " joined '" + room.name() + "' from " + ip + ", token " + Tokens.redact(m.token()));
        announce(room, EventKind.JOINED, user, "", user + " joined the room", m, now);
        broadcastMembers(room, now);
        return admission(m);
    }

    /**
     * Cluster mode: a member of another node, standing in this node's copy of the room for lists
     * and names; {@code link} delivers nothing (its own node does). {@code tell}: announce it (a
     * join seen live) or not (the room as found when this node started following it).
     */
    public Member addRemote(Room room, String user, int protocol, String node, MemberLink link, boolean tell, long now) {
        Member m = registry.restoreMember(room, user, "remote:" + node + ":" + user, null, protocol, now, now);
        m.link(link);
        if (tell) {
            announce(room, EventKind.JOINED, user, "", user + " joined the room", m, now);
            broadcastMembers(room, now);
        }
        return m;
    }

    /** Cluster mode: a member of another node is gone (its node says so): removed here and the room here told. */
    public void removeRemote(Member m, EndReason reason, String reasonText, long now) {
        if (m.gone()) {
            return;
        }
        String message = Reasons.truncate(reasonText, Reasons.MAX_REASON_BYTES);
        Room room = m.room();
        registry.remove(m, reason, message, now);
        String line = m.name() + " " + verb(reason) + " the room" + (reason == EndReason.LEFT || message.isEmpty() ? "" : ": " + message);
        announce(room, eventFor(reason), m.name(), reason == EndReason.LEFT ? "" : message, line, null, now);
        broadcastMembers(room, now);
    }

    /**
     * Cluster mode: a chat numbered by the cluster, in id order, to every member here but its
     * sender, who hears its Accepted instead; kept in this node's history of the room.
     */
    public void deliverNumbered(Room room, ChatRecord r, long now) {
        room.append(r);
        counters.messagesIn++;
        room.countRelayed();
        shared.clear();
        for (int i = 0, n = room.size(); i < n; i++) {
            Member t = room.memberAt(i);
            if (t.name().equals(r.sender())) {
                t.link().ownChatNumbered(r);
            } else if (!t.link().deliverChat(r, shared)) {
                removals.queue(t, Removals.TOO_FAR_BEHIND);
            }
        }
        shared.clear();
        removals.carryOutAll(now);
    }

    private static Admission admission(Member m) {
        Room r = m.room();
        return new Admission(m.token(), r.name(), m.name(), m.isHost(), r.hostName(), r.memberNames(), r.locked());
    }

    // ---- chat --------------------------------------------------------------------------

    /**
     * Numbers the message, keeps it in history, and hands it to every other member's link (one
     * shared encoding per kind of link). {@code senderSeq}: the v2 chat seq it came as, or
     * {@link ChatRecord#NO_SEQ}. Members too far behind to take it are removed by {@link #settle}.
     * Null when the engine numbers it elsewhere (cluster mode): it comes back through
     * {@link #deliverNumbered}, and the sender's Accepted with it.
     */
    public ChatRecord chat(Member sender, boolean action, String text, long senderSeq, long now) {
        if (engine.takeChat(sender, action, text, senderSeq, now)) {
            return null;
        }
        Room room = sender.room();
        ChatRecord r = room.record(now, action, sender.name(), text, senderSeq);
        counters.messagesIn++;
        room.countRelayed();
        registry.markDirty();
        shared.clear();
        for (int i = 0, n = room.size(); i < n; i++) {
            Member t = room.memberAt(i);
            if (t != sender && !t.link().deliverChat(r, shared)) {
                removals.queue(t, Removals.TOO_FAR_BEHIND);
            }
        }
        shared.clear();
        return r;
    }

    /**
     * The member list, then the newest history after {@code since} (at most {@code max}), to one
     * member that has just registered. False if the member was removed meanwhile (it could not
     * take them: the caller stops).
     */
    public boolean catchUp(Member m, int since, int max, long now) {
        return sendMembers(m, now) && sendHistory(m, since, max, now);
    }

    /** The member list to one member; false if it could not take it (it was removed). */
    public boolean sendMembers(Member m, long now) {
        shared.clear();
        boolean ok = m.link().deliverMembers(m.room(), shared);
        shared.clear();
        if (!ok) {
            removals.removeNow(m, Removals.TOO_FAR_BEHIND, now);
        }
        return ok;
    }

    /** The newest {@code max} messages after {@code since} to one member; false if it was removed meanwhile. */
    public boolean sendHistory(Member m, int since, int max, long now) {
        List<ChatRecord> history = m.room().historySince(since);
        // At most max items and what a fresh backlog holds in bytes (a joiner must not start too far behind).
        for (ChatRecord r : history.subList(DeliveryStream.historyStart(history, max), history.size())) {
            shared.clear();
            boolean ok = m.link().deliverChat(r, shared);
            shared.clear();
            if (!ok) {
                removals.removeNow(m, Removals.TOO_FAR_BEHIND, now);
                return false;
            }
        }
        return true;
    }

    // ---- leaving -----------------------------------------------------------------------

    /** Ends one membership; a host leaving, timing out or being removed closes the room. */
    public void end(Member m, EndReason reason, String reasonText, long now) {
        if (m.gone()) {
            return;
        }
        String message = Reasons.truncate(reasonText, Reasons.MAX_REASON_BYTES);
        Room room = m.room();
        if (m.link().remote() && !m.isHost()) {
            // Its own node tells it and removes it; the cluster then tells every node, this one too.
            engine.endElsewhere(m, reason, message, now);
            return;
        }
        if (m.isHost()) {
            // The host hears the answer to what it did (e.g. Ended(LEFT)); everyone else hears why the room closed.
            m.link().ended(reason, message);
            closeRoom(room, hostClosure(reason), message, now, m);
            return;
        }
        m.link().ended(reason, message);
        m.link().unlinked();
        registry.remove(m, reason, message, now);
        LOG.info(() -> m.name() + " " + verb(reason) + " '" + room.name() + "'" + (message.isEmpty() ? "" : ": " + message));
        String line = m.name() + " " + verb(reason) + " the room" + (reason == EndReason.LEFT || message.isEmpty() ? "" : ": " + message);
        announce(room, eventFor(reason), m.name(), reason == EndReason.LEFT ? "" : message, line, null, now);
        broadcastMembers(room, now);
        engine.memberEnded(m, reason, message, now);
    }

    /** Closes the room: everyone is told, every token revoked, the room deleted. */
    public void closeRoom(Room room, EndReason reason, String message, long now) {
        closeRoom(room, reason, message, now, null);
    }

    private void closeRoom(Room room, EndReason reason, String reasonText, long now, Member alreadyTold) {
        if (room.closed()) {
            return;
        }
        String message = Reasons.truncate(reasonText, Reasons.MAX_REASON_BYTES);
        for (Member m : room.members()) {
            if (m != alreadyTold) {
                m.link().ended(reason, message);
            }
            m.link().unlinked();
        }
        registry.close(room, reason, message, now);
        engine.roomClosed(room, reason, message, now);
        LOG.info(() -> "room '" + room.name() + "' closed (" + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"
                + (message.isEmpty() ? "" : ": " + message));
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

    // ---- the relay's own removals ------------------------------------------------------

    /** Queues a removal (as TIMED_OUT, with this reason) to be carried out by {@link #settle}. */
    public void remove(Member m, String why) {
        removals.queue(m, why);
    }

    /** Carries out every queued removal: the relay calls it when a datagram or a timer is done. */
    public void settle(long now) {
        removals.carryOutAll(now);
    }

    /**
     * Removes members silent for longer than their protocol's idle timeout: queued while walking
     * the rooms, since a removal changes its room and a host's removal closes it. A member silent
     * for exactly the timeout stays.
     */
    public void sweep(long now) {
        for (Room room : registry.rooms()) {
            for (int i = 0; i < room.size(); i++) {
                Member m = room.memberAt(i);
                if (m.link().remote()) {
                    continue; // its own node watches it
                }
                long limit = m.protocol() == 2 ? v2IdleMillis : v1IdleMillis;
                if (m.link().livenessIsItsOwn()) {
                    continue; // an SSH session: it ends when the session does
                }
                if (m.address() == null && m.isHost() && now - m.lastHeard() > hostGraceMillis) {
                    // A room made over TCP whose host never came over UDP: a squatter, or a client
                    // that died; either way the room would hold a name and a slot for nobody.
                    removals.queue(m, "the host did not register over UDP within " + seconds(hostGraceMillis));
                } else if (now - m.lastHeard() > limit) {
                    removals.queue(m, "no activity for " + seconds(limit));
                }
            }
        }
        removals.carryOutAll(now);
        registry.expireRevocations(now);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** A notice as the cluster delivers it: to every member here. */
    public void notice(Room room, String message, long now) {
        announce(room, EventKind.NOTICE, "", message, message, null, now);
    }

    /** Tells every member the server is going down. */
    public void serverClosing() {
        for (Room room : registry.rooms()) {
            for (int i = 0; i < room.size(); i++) {
                room.memberAt(i).link().serverClosing("the server is shutting down");
            }
        }
    }

    // ---- host requests -----------------------------------------------------------------

    /** The host removes a member; refused (nothing changes) when {@code host} is not the host or the target is not there. */
    public void kickByHost(Member host, String target, String reason, long now) throws RoomException {
        if (!host.isHost()) {
            throw new RoomException(ErrorCode.NOT_HOST, "only the host can kick");
        }
        Optional<Member> t = host.room().member(target);
        if (t.isEmpty() || t.get() == host) {
            throw new RoomException(ErrorCode.NO_SUCH_MEMBER,
                    t.isEmpty() ? "no member named '" + target + "'" : "the host cannot kick itself; leave or close instead");
        }
        end(t.get(), EndReason.KICKED, reason, now);
    }

    public void closeByHost(Member host, String reason, long now) throws RoomException {
        if (!host.isHost()) {
            throw new RoomException(ErrorCode.NOT_HOST, "only the host can close the room");
        }
        closeRoom(host.room(), EndReason.CLOSED_BY_HOST, reason, now);
    }

    // ---- operator requests -------------------------------------------------------------

    public void kick(String roomName, String user, String reason, long now) throws RoomException {
        Reasons.check(reason);
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
        Reasons.check(reason);
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
        Reasons.check(reason);
        closeRoom(registry.existing(roomName), EndReason.CLOSED_BY_ADMIN, reason, now);
    }

    /**
     * An announcement to one room, or all with "*"; returns how many rooms it reached. One longer than a
     * chat may be is refused whole: the operator would otherwise believe the members read all of it.
     */
    public int say(String roomName, String message, long now) throws RoomException {
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
            if (!engine.takeNotice(r, message, now)) {
                announce(r, EventKind.NOTICE, "", message, message, null, now);
            }
        }
        return targets.size();
    }

    private Member member(String roomName, String user) throws RoomException {
        Room room = registry.existing(roomName);
        return room.member(user).orElseThrow(() ->
                new RoomException(ErrorCode.NO_SUCH_MEMBER, "no member named '" + user + "' in '" + roomName + "'"));
    }

    // ---- telling the room --------------------------------------------------------------

    /**
     * An announcement to every member but {@code except}; {@code plainLine} is what text-only
     * members read (null: they are not told).
     */
    public void announce(Room room, EventKind kind, String name, String text, String plainLine, Member except, long now) {
        Announcement event = new Announcement(kind, name, text, plainLine, now);
        int mark = removals.mark();
        shared.clear();
        for (int i = 0; i < room.size(); i++) {
            Member t = room.memberAt(i);
            if (t != except && !t.link().deliverEvent(event, shared)) {
                removals.queue(t, Removals.TOO_FAR_BEHIND);
            }
        }
        shared.clear();
        removals.carryOut(mark, now);
    }

    /** The member list to every member (those who show one). */
    public void broadcastMembers(Room room, long now) {
        int mark = removals.mark();
        shared.clear();
        for (int i = 0; i < room.size(); i++) {
            Member t = room.memberAt(i);
            if (!t.link().deliverMembers(room, shared)) {
                removals.queue(t, Removals.TOO_FAR_BEHIND);
            }
        }
        shared.clear();
        removals.carryOut(mark, now);
    }

    /** The whole member list, host first, cut to what fits one datagram's text. */
    public static List<Packet.Member> memberRows(Room room) {
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
        return rows;
    }
}
