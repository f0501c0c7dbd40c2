package ocm.protocol.ucrp.v2;

import java.nio.ByteBuffer;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;

/**
 * Allocation-free writers for the packets that busy paths send most (the relay's acks and pongs,
 * a load generator's chats): the same bytes as {@link V2Codec#writePacket} of the matching record,
 * without the record or a scratch buffer. Each appends one packet at {@code dst}'s position and
 * returns false, writing nothing, when it does not fit. Big-endian whatever order {@code dst} has.
 */
public final class PacketWriter {
    private PacketWriter() {
    }

    public static boolean register(ByteBuffer dst, int session, int since, int nextSeq, int features) {
        if (!header(dst, PacketType.REGISTER, 16)) {
            return false;
        }
        putInt(dst, session);
        putInt(dst, since);
        putInt(dst, nextSeq);
        putInt(dst, features);
        return true;
    }

    /**
     * A Chat's header; the caller appends exactly {@code textBytes} bytes of UTF-8 text right after.
     * False when the text is over {@link Limits#MAX_TEXT_BYTES} or does not fit.
     */
    public static boolean chatHeader(ByteBuffer dst, int seq, boolean action, int textBytes) {
        if (textBytes < 0 || textBytes > Limits.MAX_TEXT_BYTES || dst.remaining() < V2Codec.PACKET_HEADER + 5 + textBytes) {
            return false;
        }
        header(dst, PacketType.CHAT, 5 + textBytes);
        putInt(dst, seq);
        dst.put((byte) (action ? 1 : 0));
        return true;
    }

    public static boolean ack(ByteBuffer dst, int cumulative, long mask) {
        if (!header(dst, PacketType.ACK, 12)) {
            return false;
        }
        putInt(dst, cumulative);
        putLong(dst, mask);
        return true;
    }

    public static boolean ping(ByteBuffer dst, long nonce) {
        if (!header(dst, PacketType.PING, 8)) {
            return false;
        }
        putLong(dst, nonce);
        return true;
    }

    public static boolean leave(ByteBuffer dst) {
        return header(dst, PacketType.LEAVE, 0);
    }

    /** Chat {@code seq} was taken as room message {@code msgId} (never 0: that is a refusal). */
    public static boolean accepted(ByteBuffer dst, int seq, int msgId, long timestampMillis) {
        if (msgId == 0) {
            throw new IllegalArgumentException("message id 0 marks a refused chat: use refused()");
        }
        return acceptedPacket(dst, seq, msgId, timestampMillis, 0);
    }

    /** Chat {@code seq} was refused for {@code why} (message id 0 and the code). */
    public static boolean refused(ByteBuffer dst, int seq, long timestampMillis, ErrorCode why) {
        return acceptedPacket(dst, seq, 0, timestampMillis, why.code());
    }

    private static boolean acceptedPacket(ByteBuffer dst, int seq, int msgId, long timestampMillis, int refusal) {
        if (!header(dst, PacketType.ACCEPTED, 18)) {
            return false;
        }
        putInt(dst, seq);
        putInt(dst, msgId);
        putLong(dst, timestampMillis);
        dst.put((byte) (refusal >>> 8)).put((byte) refusal);
        return true;
    }

    public static boolean pong(ByteBuffer dst, long nonce, long serverTimeMillis) {
        if (!header(dst, PacketType.PONG, 16)) {
            return false;
        }
        putLong(dst, nonce);
        putLong(dst, serverTimeMillis);
        return true;
    }

    /**
     * A ChatMessage's body after its dseq, in one exact-size array: what a relay encodes once per
     * message and writes to each recipient with {@link V2Codec#writeReliable}.
     */
    public static byte[] chatMessageTail(int msgId, long timestampMillis, boolean action, byte[] senderUtf8, byte[] textUtf8) {
        if (senderUtf8.length > 255) {
            throw new IllegalArgumentException("sender name is " + senderUtf8.length + " bytes, the limit is 255");
        }
        if (textUtf8.length > Limits.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text is " + textUtf8.length + " bytes, the limit is " + Limits.MAX_TEXT_BYTES);
        }
        ByteBuffer b = ByteBuffer.wrap(new byte[4 + 8 + 1 + 1 + senderUtf8.length + textUtf8.length]);
        putInt(b, msgId);
        putLong(b, timestampMillis);
        b.put((byte) (action ? 1 : 0)).put((byte) senderUtf8.length).put(senderUtf8).put(textUtf8);
        return b.array();
    }

    /** Type and body length, if the whole packet fits. */
    private static boolean header(ByteBuffer dst, PacketType type, int bodyLength) {
        if (dst.remaining() < V2Codec.PACKET_HEADER + bodyLength) {
            return false;
        }
        dst.put((byte) type.code()).put((byte) (bodyLength >>> 8)).put((byte) bodyLength);
        return true;
    }

    private static void putInt(ByteBuffer dst, int v) {
        dst.put((byte) (v >>> 24)).put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }

    private static void putLong(ByteBuffer dst, long v) {
        putInt(dst, (int) (v >>> 32));
        putInt(dst, (int) v);
    }
}
