package ocm.protocol.ucrp.v2;

import java.util.Objects;
import ocm.protocol.ErrorCode;

/**
 * The closed family of UCRP v2 packets. Several packets for one room may share a datagram
 * (see {@link V2Codec}); each record here is one packet's body.
 */
public sealed interface Packet {
    PacketType type();

    /** A packet the receiver must acknowledge; {@code dseq} numbers one member's delivery stream. */
    sealed interface Reliable extends Packet permits ChatMessage, RoomEvent, MemberList {
        int dseq();
    }

    // ---- client to server --------------------------------------------------------------

    /**
     * Bind this UDP address to the token. {@code since}: the highest room message id the client
     * has shown (0 for none: send recent history). {@code nextSeq}: the seq of the client's next
     * unacknowledged chat, so the server can start its duplicate window there.
     */
    record Register(int since, int nextSeq) implements Packet {
        public PacketType type() {
            return PacketType.REGISTER;
        }
    }

    /** A chat line; {@code seq} numbers this member's messages, wrap-safe. */
    record Chat(int seq, boolean action, String text) implements Packet {
        public Chat {
            Objects.requireNonNull(text, "text");
        }

        public PacketType type() {
            return PacketType.CHAT;
        }
    }

    /** Acknowledges delivery seqs: all up to {@code cumulative}, plus bit i of {@code mask} for cumulative+1+i. */
    record Ack(int cumulative, long mask) implements Packet {
        public PacketType type() {
            return PacketType.ACK;
        }
    }

    /** Keepalive and round-trip probe; the server answers with a {@link Pong} echoing {@code nonce}. */
    record Ping(long nonce) implements Packet {
        public PacketType type() {
            return PacketType.PING;
        }
    }

    /** I leave the room (a host leaving closes it). */
    record Leave() implements Packet {
        public PacketType type() {
            return PacketType.LEAVE;
        }
    }

    /** Host only: remove {@code target} from the room. */
    record Kick(String target, String reason) implements Packet {
        public Kick {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
        }

        public PacketType type() {
            return PacketType.KICK;
        }
    }

    /** Host only: close the room. */
    record Close(String reason) implements Packet {
        public Close {
            Objects.requireNonNull(reason, "reason");
        }

        public PacketType type() {
            return PacketType.CLOSE;
        }
    }

    // ---- server to client --------------------------------------------------------------

    /** Answer to Register: this session's delivery stream starts at {@code firstDseq}. */
    record Welcome(int firstDseq, long serverTimeMillis) implements Packet {
        public PacketType type() {
            return PacketType.WELCOME;
        }
    }

    /** The server took chat {@code seq} as room message {@code msgId} at {@code timestampMillis}. Also the chat's ack. */
    record Accepted(int seq, int msgId, long timestampMillis) implements Packet {
        public PacketType type() {
            return PacketType.ACCEPTED;
        }
    }

    /** Another member's chat line (or history on join). */
    record ChatMessage(int dseq, int msgId, long timestampMillis, boolean action, String sender, String text)
            implements Reliable {
        public ChatMessage {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(text, "text");
        }

        public PacketType type() {
            return PacketType.MESSAGE;
        }
    }

    /** Something happened in the room: {@code name} is the member concerned (empty for a notice). */
    record RoomEvent(int dseq, long timestampMillis, EventKind kind, String name, String text) implements Reliable {
        public RoomEvent {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }

        public PacketType type() {
            return PacketType.EVENT;
        }
    }

    /** The whole member list, sent on register and whenever it changes. */
    record MemberList(int dseq, java.util.List<Member> members) implements Reliable {
        public MemberList {
            members = java.util.List.copyOf(members);
        }

        public PacketType type() {
            return PacketType.MEMBERS;
        }
    }

    /** One row of a member list. */
    record Member(String name, boolean host, boolean v1) {
        public Member {
            Objects.requireNonNull(name, "name");
        }
    }

    record Pong(long nonce, long serverTimeMillis) implements Packet {
        public PacketType type() {
            return PacketType.PONG;
        }
    }

    /**
     * Your membership is over (room closed, kicked, banned, timed out). Sent at once and again in
     * answer to anything that later arrives with the revoked token.
     */
    record Ended(EndReason reason, String message) implements Packet {
        public Ended {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        public PacketType type() {
            return PacketType.ENDED;
        }
    }

    /** A request was refused or dropped; {@code NOT_REGISTERED} asks the client to register again. */
    record Error(ErrorCode code, String message) implements Packet {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        public PacketType type() {
            return PacketType.ERROR;
        }
    }
}
