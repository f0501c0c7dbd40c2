package ocm.server.store;

import java.util.ArrayList;
import java.util.List;

/** A snapshot with less saved history: each room keeps its newest messages only. */
final class HistoryTrim {
    private HistoryTrim() {
    }

    /** Each room keeps the newest {@code 1/divisor} of its saved messages (rounded down; none for a huge divisor). */
    static StateSnapshot keepNewest(StateSnapshot s, int divisor) {
        List<StateSnapshot.RoomSnapshot> rooms = new ArrayList<>(s.rooms().size());
        for (StateSnapshot.RoomSnapshot r : s.rooms()) {
            List<StateSnapshot.MessageSnapshot> h = r.history();
            List<StateSnapshot.MessageSnapshot> kept = h.subList(h.size() - h.size() / divisor, h.size());
            rooms.add(new StateSnapshot.RoomSnapshot(r.name(), r.host(), r.passwordSalt(), r.passwordHash(), r.passwordIterations(),
                    r.createdAt(), r.nextMsgId(), r.messagesRelayed(), r.members(), r.bans(), kept, r.msgIdReserved()));
        }
        return new StateSnapshot(s.version(), s.savedAt(), rooms);
    }
}
