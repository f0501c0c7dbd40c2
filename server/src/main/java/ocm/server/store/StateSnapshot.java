package ocm.server.store;

import java.util.List;

/**
 * What the state file holds: plain records copied from the live rooms on the relay thread, so
 * they can be written on another. Tokens appear only as SHA-256 hashes; passwords only salted.
 */
public record StateSnapshot(int version, long savedAt, List<RoomSnapshot> rooms) {
    public static final int VERSION = 1;

    public StateSnapshot {
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    /** One room. {@code passwordSalt}/{@code passwordHash} are null for an open room. */
    public record RoomSnapshot(String name, String host, String passwordSalt, String passwordHash, int passwordIterations,
                               long createdAt, int nextMsgId, long messagesRelayed,
                               List<MemberSnapshot> members, List<BanSnapshot> bans, List<MessageSnapshot> history) {
        public RoomSnapshot {
            members = members == null ? List.of() : List.copyOf(members);
            bans = bans == null ? List.of() : List.copyOf(bans);
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    /** One member: {@code address} is "ip:port" or null before it registered. */
    public record MemberSnapshot(String name, String tokenHash, String address, int protocol, long joinedAt,
                                 long lastHeard) {
    }

    public record BanSnapshot(String name, String address, String reason) {
    }

    public record MessageSnapshot(int msgId, long timestamp, boolean action, String sender, String text) {
    }
}
