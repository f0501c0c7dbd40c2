package ocm.protocol.ucrp.v2;

import java.util.Objects;
import java.util.Optional;
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

    /** The type byte on the wire; differs from {@code type().code()} only for a {@link Skipped} packet. */
    default int typeCode() {
        return type().code();
    }

    // ---- client to server --------------------------------------------------------------

    /**
     * Bind this UDP address to the token and start (or resume) a session. {@code session}: a
     * random number the client picks for each new session; a Register repeating the current
     * session's number is a retransmission and changes nothing. {@code since}: the highest room
     * message id the client has shown (0 for none: send recent history). {@code nextSeq}: the seq
     * of the client's oldest unacknowledged chat (or its next one), where the server's duplicate
     * window starts. {@code features}: the {@link Features} bits this client understands.
     */
    record Register(int session, int since, int nextSeq, int features) implements Packet {
        /** A Register asking for no optional feature. */
        public Register(int session, int since, int nextSeq) {
            this(session, since, nextSeq, Features.NONE);
        }

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

    /**
     * Acknowledges a reliable stream: all numbers up to {@code cumulative}, plus bit i of
     * {@code mask} for cumulative+1+i. From a client it covers the server's dseqs; from the
     * server it covers the client's chat seqs (including ones held back waiting for a gap).
     */
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

    /**
     * Answer to Register, echoing its {@code session}: this session's delivery stream starts at
     * {@code firstDseq} (random per session, so stray packets of an old session fall outside the
     * new window). {@code features}: the {@link Features} bits the server will use with this
     * session (never one the Register did not ask for). {@code rateMilli} and {@code burst}: the
     * member's chat limit, in thousandths of a chat per second (20 a second is 20000) and chats
     * that may go at once above it, so a client can pace its chats instead of having them refused.
     */
    record Welcome(int session, int firstDseq, long serverTimeMillis, int features, int rateMilli, int burst)
            implements Packet {
        public Welcome {
            if (rateMilli <= 0 || burst <= 0) {
                throw new IllegalArgumentException("a welcome's rate and burst must be positive, got " + rateMilli
                        + " and " + burst);
            }
        }

        /** The chat rate in chats per second. */
        public double ratePerSecond() {
            return rateMilli / 1000.0;
        }

        /**
         * {@code perSecond} as the wire's thousandths, rounded down (a client pacing to it stays within
         * the server's limit), at least 1 and at most {@code Integer.MAX_VALUE}.
         */
        public static int rateMilli(double perSecond) {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(perSecond * 1000)));
        }

        public PacketType type() {
            return PacketType.WELCOME;
        }
    }

    /**
     * The server took chat {@code seq} as room message {@code msgId} at {@code timestampMillis};
     * also that chat's acknowledgement. A refused chat (over the rate, empty) is not relayed: its
     * {@code msgId} is 0 and {@code refusal} says why; a taken one has a non-zero id and no refusal.
     */
    record Accepted(int seq, int msgId, long timestampMillis, Optional<ErrorCode> refusal) implements Packet {
        public Accepted {
            Objects.requireNonNull(refusal, "refusal");
            if ((msgId == 0) != refusal.isPresent()) {
                throw new IllegalArgumentException("an accepted chat has a message id and no refusal, a refused one "
                        + "the id 0 and a refusal; got id " + msgId + " and " + refusal);
            }
        }

        public static Accepted taken(int seq, int msgId, long timestampMillis) {
            return new Accepted(seq, msgId, timestampMillis, Optional.empty());
        }

        public static Accepted refused(int seq, long timestampMillis, ErrorCode why) {
            return new Accepted(seq, 0, timestampMillis, Optional.of(why));
        }

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

    // ---- either direction ----------------------------------------------------------------

    /**
     * A packet of an optional type this side does not know (type byte 0x40..0xFF), skipped. For a
     * numbered type (0x80..0xFF) {@code number} is the 4-byte number its body starts with, which
     * the receiver takes into the stream it belongs to (the server's deliveries, or a client's
     * chats) and acknowledges like any other; for the others it is 0. Encoding one writes the
     * type byte and, if numbered, the number: the body a newer peer would put after it is gone.
     */
    record Skipped(int typeCode, int number) implements Packet {
        public Skipped {
            if (!PacketType.isOptional(typeCode) || PacketType.known(typeCode) != null) {
                throw new IllegalArgumentException(String.format("0x%02x is not an unknown optional type", typeCode));
            }
            if (!PacketType.isNumbered(typeCode) && number != 0) {
                throw new IllegalArgumentException(String.format("type 0x%02x carries no number", typeCode));
            }
        }

        /** True when the receiver must take and acknowledge {@link #number}. */
        public boolean numbered() {
            return PacketType.isNumbered(typeCode);
        }

        public PacketType type() {
            return PacketType.SKIPPED;
        }
    }
}
