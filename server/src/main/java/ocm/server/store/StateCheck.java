package ocm.server.store;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import ocm.server.room.PasswordHash;

/**
 * Checks every entry of a loaded state file (valid JSON is not yet a valid state: a hand edit can put
 * a {@code null} where a name belongs, or a password cost nobody can pay). A bad entry is left out
 * and named in a warning; the rest loads. A room whose password cannot be checked is left out whole
 * (opening it without its password would be worse), as is a room without its host.
 */
final class StateCheck {
    private final Consumer<String> warn;

    private StateCheck(Consumer<String> warn) {
        this.warn = warn;
    }

    /** The snapshot without its bad entries; each one left out is reported to {@code warn}. */
    static StateSnapshot clean(StateSnapshot s, Consumer<String> warn) {
        return new StateCheck(warn).clean(s);
    }

    private StateSnapshot clean(StateSnapshot s) {
        List<StateSnapshot.RoomSnapshot> rooms = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < s.rooms().size(); i++) {
            StateSnapshot.RoomSnapshot r = room(s.rooms().get(i), i);
            if (r != null && !names.add(r.name())) {
                warn.accept("skipped room '" + r.name() + "': a second room of that name");
            } else if (r != null) {
                rooms.add(r);
            }
        }
        return new StateSnapshot(s.version(), s.savedAt(), rooms);
    }

    private StateSnapshot.RoomSnapshot room(StateSnapshot.RoomSnapshot r, int index) {
        if (r == null) {
            warn.accept("skipped room #" + (index + 1) + ": null");
            return null;
        }
        if (r.name() == null || r.name().isEmpty() || r.host() == null) {
            warn.accept("skipped room #" + (index + 1) + " ('" + r.name() + "'): no name or no host");
            return null;
        }
        String bad = passwordProblem(r);
        if (bad != null) {
            warn.accept("skipped room '" + r.name() + "': " + bad);
            return null;
        }
        List<StateSnapshot.MemberSnapshot> members = members(r);
        if (members.stream().noneMatch(m -> r.host().equals(m.name()))) {
            warn.accept("skipped room '" + r.name() + "': its host '" + r.host() + "' is not among its members");
            return null;
        }
        return new StateSnapshot.RoomSnapshot(r.name(), r.host(), r.passwordSalt(), r.passwordHash(), r.passwordIterations(),
                r.createdAt(), r.nextMsgId(), r.messagesRelayed(), members, bans(r), history(r), r.msgIdReserved());
    }

    /** Why the room's password cannot be checked, or null (no password, or a sound one). */
    private static String passwordProblem(StateSnapshot.RoomSnapshot r) {
        if (r.passwordHash() == null && r.passwordSalt() == null) {
            return null;
        }
        if (r.passwordHash() == null || r.passwordSalt() == null) {
            return "a password hash without its salt, or a salt without a hash";
        }
        if (r.passwordIterations() < 1 || r.passwordIterations() > PasswordHash.MAX_ITERATIONS) {
            return "passwordIterations " + r.passwordIterations() + " is outside 1.." + PasswordHash.MAX_ITERATIONS;
        }
        try {
            Base64.getDecoder().decode(r.passwordSalt());
            Base64.getDecoder().decode(r.passwordHash());
        } catch (IllegalArgumentException e) {
            return "the password salt or hash is not base64";
        }
        return null;
    }

    private List<StateSnapshot.MemberSnapshot> members(StateSnapshot.RoomSnapshot r) {
        List<StateSnapshot.MemberSnapshot> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < r.members().size(); i++) {
            StateSnapshot.MemberSnapshot m = r.members().get(i);
            if (m == null || m.name() == null || m.tokenHash() == null || (m.protocol() != 1 && m.protocol() != 2)) {
                warn.accept("skipped member #" + (i + 1) + (m == null || m.name() == null ? "" : " ('" + m.name() + "')")
                        + " of room '" + r.name() + "': " + (m == null ? "null" : "no name, no token hash or an unknown protocol"));
            } else if (!names.add(m.name())) {
                warn.accept("skipped member '" + m.name() + "' of room '" + r.name() + "': a second member of that name");
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private List<StateSnapshot.BanSnapshot> bans(StateSnapshot.RoomSnapshot r) {
        List<StateSnapshot.BanSnapshot> out = new ArrayList<>();
        for (int i = 0; i < r.bans().size(); i++) {
            StateSnapshot.BanSnapshot b = r.bans().get(i);
            if (b == null || b.name() == null) {
                warn.accept("skipped ban #" + (i + 1) + " of room '" + r.name() + "': " + (b == null ? "null" : "no name"));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    private List<StateSnapshot.MessageSnapshot> history(StateSnapshot.RoomSnapshot r) {
        List<StateSnapshot.MessageSnapshot> out = new ArrayList<>();
        for (int i = 0; i < r.history().size(); i++) {
            StateSnapshot.MessageSnapshot m = r.history().get(i);
            if (m == null || m.sender() == null) {
                warn.accept("skipped history message #" + (i + 1) + (m == null ? "" : " (id " + m.msgId() + ")")
                        + " of room '" + r.name() + "': " + (m == null ? "null" : "no sender"));
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
