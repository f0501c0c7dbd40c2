package ocm.server.store;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import ocm.server.config.Addresses;
import ocm.server.room.Ban;
import ocm.server.room.ChatRecord;
import ocm.server.room.Member;
import ocm.server.room.PasswordHash;
import ocm.server.room.Room;
import ocm.server.room.RoomRegistry;

/** Copies live rooms into snapshot records and back. Relay thread only. */
public final class Snapshots {
    private static final Logger LOG = Logger.getLogger("ocm.server.store");

    private Snapshots() {
    }

    /** Saved history per room is cut to this many (estimated) bytes, newest kept... */
    static final int MAX_HISTORY_BYTES_PER_ROOM = 64 * 1024;
    /** ...and to this share of all rooms together, so the whole file stays far below the read limit. */
    static final int MAX_HISTORY_BYTES_TOTAL = 64 * 1024 * 1024;

    public static StateSnapshot of(RoomRegistry registry, long now) {
        List<StateSnapshot.RoomSnapshot> rooms = new ArrayList<>();
        long budget = Math.min(MAX_HISTORY_BYTES_PER_ROOM, MAX_HISTORY_BYTES_TOTAL / Math.max(1, registry.rooms().size()));
        for (Room r : registry.rooms()) {
            List<StateSnapshot.MemberSnapshot> members = new ArrayList<>();
            for (Member m : r.members()) {
                long next = m.chatNext();
                members.add(new StateSnapshot.MemberSnapshot(m.name(), m.tokenHash(), Addresses.show(m.address()), m.protocol(),
                        m.joinedAt(), m.lastHeard(), next == Member.NO_CHAT_NEXT ? null : next));
            }
            List<StateSnapshot.BanSnapshot> bans = new ArrayList<>();
            for (Ban b : r.bans().values()) {
                bans.add(new StateSnapshot.BanSnapshot(b.name(), b.address().orElse(null), b.reason()));
            }
            List<StateSnapshot.MessageSnapshot> history = savedHistory(r.history(), budget);
            PasswordHash pw = r.password().orElse(null);
            rooms.add(new StateSnapshot.RoomSnapshot(r.name(), r.hostName(), pw == null ? null : pw.saltBase64(),
                    pw == null ? null : pw.hashBase64(), pw == null ? 0 : pw.iterations(), r.createdAt(), r.nextMsgId(),
                    r.messagesRelayed(), members, bans, history, r.msgIdReserved()));
        }
        return new StateSnapshot(StateSnapshot.VERSION, now, rooms);
    }

    /** The newest records whose estimated JSON size fits {@code budget}, oldest first. */
    private static List<StateSnapshot.MessageSnapshot> savedHistory(List<ChatRecord> all, long budget) {
        ArrayDeque<StateSnapshot.MessageSnapshot> kept = new ArrayDeque<>();
        long used = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            ChatRecord c = all.get(i);
            used += estimatedBytes(c);
            if (used > budget) {
                break;
            }
            kept.addFirst(new StateSnapshot.MessageSnapshot(c.msgId(), c.timestampMillis(), c.action(), c.sender(), c.text(),
                    c.senderSeq() == ChatRecord.NO_SEQ ? null : c.senderSeq()));
        }
        return new ArrayList<>(kept);
    }

    /** An upper estimate without encoding: a char is at most 3 UTF-8 bytes, plus the fields around it. */
    static long estimatedBytes(ChatRecord c) {
        return 100L + 3L * (c.sender().length() + c.text().length());
    }

    /** Puts the saved rooms back; a room whose host is missing is dropped (it would have closed). Returns how many. */
    public static int restore(RoomRegistry registry, StateSnapshot s, long now) {
        int restored = 0;
        for (StateSnapshot.RoomSnapshot r : s.rooms()) {
            try {
                restored += restoreRoom(registry, r, now);
            } catch (RuntimeException e) {
                // StateCheck has checked each entry; whatever still fails loses its room, not the start.
                LOG.warning("state file: skipped room '" + r.name() + "': " + e);
            }
        }
        return restored;
    }

    private static int restoreRoom(RoomRegistry registry, StateSnapshot.RoomSnapshot r, long now) {
        boolean hostPresent = r.members().stream().anyMatch(m -> r.host().equals(m.name()));
        if (!hostPresent || registry.room(r.name()).isPresent()) {
            LOG.warning("state file: skipped room '" + r.name() + "' (no host, or a duplicate)");
            return 0;
        }
        Optional<PasswordHash> pw = r.passwordHash() == null ? Optional.empty()
                : Optional.of(new PasswordHash(r.passwordSalt(), r.passwordHash(), r.passwordIterations()));
        List<ChatRecord> history = new ArrayList<>();
        for (StateSnapshot.MessageSnapshot m : r.history()) {
            history.add(new ChatRecord(m.msgId(), m.timestamp(), m.action(), m.sender(), m.text() == null ? "" : m.text(),
                    seqOrNone(m.seq())));
        }
        List<Ban> bans = new ArrayList<>();
        for (StateSnapshot.BanSnapshot b : r.bans()) {
            bans.add(new Ban(b.name(), Optional.ofNullable(b.address()), b.reason() == null ? "" : b.reason()));
        }
        Room room = registry.restoreRoom(r.name(), r.host(), pw, r.createdAt(), r.nextMsgId(),
                r.msgIdReserved(), r.messagesRelayed(), history, bans);
        for (StateSnapshot.MemberSnapshot m : r.members()) {
            Member member = registry.restoreMember(room, m.name(), m.tokenHash(), parse(m.address()), m.protocol(),
                    m.joinedAt(), now);
            member.chatNext(seqOrNone(m.chatNext()));
        }
        return 1;
    }

    /** A saved chat seq, or "none" when absent or not a 32-bit unsigned number (a hand-edited file). */
    private static long seqOrNone(Long seq) {
        return seq == null || seq < 0 || seq > 0xFFFF_FFFFL ? ChatRecord.NO_SEQ : seq;
    }

    private static InetSocketAddress parse(String address) {
        if (address == null) {
            return null;
        }
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        try {
            return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
