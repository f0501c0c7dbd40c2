package ocm.server.store;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
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

    public static StateSnapshot of(RoomRegistry registry, long now) {
        List<StateSnapshot.RoomSnapshot> rooms = new ArrayList<>();
        for (Room r : registry.rooms()) {
            List<StateSnapshot.MemberSnapshot> members = new ArrayList<>();
            for (Member m : r.members()) {
                String addr = m.address() == null ? null : m.address().getAddress().getHostAddress() + ":" + m.address().getPort();
                members.add(new StateSnapshot.MemberSnapshot(m.name(), m.tokenHash(), addr, m.protocol(), m.joinedAt(), m.lastHeard()));
            }
            List<StateSnapshot.BanSnapshot> bans = new ArrayList<>();
            for (Ban b : r.bans().values()) {
                bans.add(new StateSnapshot.BanSnapshot(b.name(), b.address().orElse(null), b.reason()));
            }
            List<StateSnapshot.MessageSnapshot> history = new ArrayList<>();
            for (ChatRecord c : r.history()) {
                history.add(new StateSnapshot.MessageSnapshot(c.msgId(), c.timestampMillis(), c.action(), c.sender(), c.text()));
            }
            PasswordHash pw = r.password().orElse(null);
            rooms.add(new StateSnapshot.RoomSnapshot(r.name(), r.hostName(), pw == null ? null : pw.saltBase64(),
                    pw == null ? null : pw.hashBase64(), pw == null ? 0 : pw.iterations(), r.createdAt(), r.nextMsgId(),
                    r.messagesRelayed(), members, bans, history));
        }
        return new StateSnapshot(StateSnapshot.VERSION, now, rooms);
    }

    /** Puts the saved rooms back; a room whose host is missing is dropped (it would have closed). */
    public static int restore(RoomRegistry registry, StateSnapshot s, long now) {
        int restored = 0;
        for (StateSnapshot.RoomSnapshot r : s.rooms()) {
            boolean hostPresent = r.members().stream().anyMatch(m -> r.host().equals(m.name()));
            if (!hostPresent || registry.room(r.name()).isPresent()) {
                LOG.warning("state file: skipped room '" + r.name() + "' (no host, or a duplicate)");
                continue;
            }
            Optional<PasswordHash> pw = r.passwordHash() == null ? Optional.empty()
                    : Optional.of(new PasswordHash(r.passwordSalt(), r.passwordHash(), r.passwordIterations()));
            List<ChatRecord> history = new ArrayList<>();
            for (StateSnapshot.MessageSnapshot m : r.history()) {
                history.add(new ChatRecord(m.msgId(), m.timestamp(), m.action(), m.sender(), m.text() == null ? "" : m.text()));
            }
            List<Ban> bans = new ArrayList<>();
            for (StateSnapshot.BanSnapshot b : r.bans()) {
                bans.add(new Ban(b.name(), Optional.ofNullable(b.address()), b.reason() == null ? "" : b.reason()));
            }
            Room room = registry.restoreRoom(r.name(), r.host(), pw, r.createdAt(), r.nextMsgId(), r.messagesRelayed(), history, bans);
            for (StateSnapshot.MemberSnapshot m : r.members()) {
                registry.restoreMember(room, m.name(), m.tokenHash(), parse(m.address()), m.protocol(), m.joinedAt(), now);
            }
            restored++;
        }
        return restored;
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
