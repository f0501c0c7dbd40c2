package ocm.server.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the state file holds: plain records copied from the live rooms on the relay thread, so
 * they can be written on another. Tokens appear only as SHA-256 hashes; passwords only salted.
 */
public record StateSnapshot(int version, long savedAt, List<RoomSnapshot> rooms) {
    public static final int VERSION = 1;

    /**
     * An unmodifiable copy that keeps null entries: a hand-edited file may hold them, and
     * {@link StateCheck} names and drops each one instead of the whole file failing to load.
     */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    public StateSnapshot {
        rooms = copy(rooms);
    }

    /**
     * One room. {@code passwordSalt}/{@code passwordHash} are null for an open room.
     * {@code msgIdReserved}: no message id at or above it was handed out (0 in older files).
     */
    public record RoomSnapshot(String name, String host, String passwordSalt, String passwordHash, int passwordIterations,
                               long createdAt, int nextMsgId, long messagesRelayed,
                               List<MemberSnapshot> members, List<BanSnapshot> bans, List<MessageSnapshot> history,
                               int msgIdReserved) {
        public RoomSnapshot {
            members = copy(members);
            bans = copy(bans);
            history = copy(history);
        }
    }

    /**
     * One member: {@code address} is "ip:port" or null before it registered. {@code chatNext}: the
     * first of its v2 chat seqs not yet processed (null when unknown, and in older files).
     */
    public record MemberSnapshot(String name, String tokenHash, String address, int protocol, long joinedAt,
                                 long lastHeard, Long chatNext) {
    }

    public record BanSnapshot(String name, String address, String reason) {
    }

    /** One history message; {@code seq} is the v2 chat seq it came as (null for v1, and in older files). */
    public record MessageSnapshot(int msgId, long timestamp, boolean action, String sender, String text, Long seq) {
    }
}
