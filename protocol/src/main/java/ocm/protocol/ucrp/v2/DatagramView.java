package ocm.protocol.ucrp.v2;

import java.nio.ByteBuffer;

/**
 * Reads a v2 datagram's framing in place, allocating nothing: the header (room and token
 * offsets) and each packet's type and body. For hot loops (the relay's acks, a load generator's
 * deliveries) that must not decode into records; anything it refuses goes to
 * {@link V2Codec#decode}, which says what is wrong. One instance per loop, reused; not thread-safe.
 * Multi-byte values read through it are big-endian whatever order the buffer has.
 */
public final class DatagramView {
    private ByteBuffer buf;
    private int roomOffset;
    private int roomLength;
    private int tokenLength;
    private int end;
    private int next;
    private int type;
    private int bodyOffset;
    private int bodyLength;

    /**
     * Points the view at the datagram between {@code buf}'s position and limit. True when its
     * header is valid v2 (marker, version, no flags, a room name), every packet's length stays
     * inside it and every numbered packet (type 0x80..0xFF) has its 4-byte number; the packets'
     * bodies are not checked further.
     */
    public boolean wrap(ByteBuffer buf) {
        this.buf = buf;
        int p = buf.position();
        end = buf.limit();
        if (end - p < V2Codec.HEADER_FIXED || buf.get(p) != V2Codec.MARKER || buf.get(p + 1) != V2Codec.VERSION
                || buf.get(p + 2) != 0) {
            return false;
        }
        roomLength = buf.get(p + 3) & 0xFF;
        tokenLength = buf.get(p + 4) & 0xFF;
        roomOffset = p + V2Codec.HEADER_FIXED;
        int first = roomOffset + roomLength + tokenLength;
        if (roomLength == 0 || first >= end) {
            return false;
        }
        for (int q = first; q < end; q += V2Codec.PACKET_HEADER + u16(q + 1)) {
            if (end - q < V2Codec.PACKET_HEADER || q + V2Codec.PACKET_HEADER + u16(q + 1) > end
                    || (PacketType.isNumbered(buf.get(q) & 0xFF) && u16(q + 1) < 4)) {
                return false;
            }
        }
        next = first;
        return true;
    }

    /** Starts the packets over from the first. */
    public void rewind() {
        next = roomOffset + roomLength + tokenLength;
    }

    /** Moves to the next packet; false after the last. */
    public boolean nextPacket() {
        if (next >= end) {
            return false;
        }
        type = buf.get(next) & 0xFF;
        bodyLength = u16(next + 1);
        bodyOffset = next + V2Codec.PACKET_HEADER;
        next = bodyOffset + bodyLength;
        return true;
    }

    public int roomOffset() {
        return roomOffset;
    }

    public int roomLength() {
        return roomLength;
    }

    public int tokenOffset() {
        return roomOffset + roomLength;
    }

    public int tokenLength() {
        return tokenLength;
    }

    /** The current packet's type code (see {@link PacketType#code()}). */
    public int type() {
        return type;
    }

    /**
     * True when the current packet is of an optional type this side does not know (0x40..0xFF):
     * skip it; if it is also {@link #numbered()}, take and acknowledge its number.
     */
    public boolean unknownOptional() {
        return PacketType.isOptional(type) && PacketType.known(type) == null;
    }

    /** True when the current packet's body starts with a number its receiver acknowledges (types 0x80..0xFF). */
    public boolean numbered() {
        return PacketType.isNumbered(type);
    }

    /** Where the current packet's body starts in the buffer. */
    public int bodyOffset() {
        return bodyOffset;
    }

    public int bodyLength() {
        return bodyLength;
    }

    /** The big-endian int at {@code at} bytes into the current body. */
    public int bodyInt(int at) {
        int i = bodyOffset + at;
        return (buf.get(i) & 0xFF) << 24 | (buf.get(i + 1) & 0xFF) << 16 | (buf.get(i + 2) & 0xFF) << 8 | (buf.get(i + 3) & 0xFF);
    }

    /** The big-endian long at {@code at} bytes into the current body. */
    public long bodyLong(int at) {
        return (long) bodyInt(at) << 32 | (bodyInt(at + 4) & 0xFFFFFFFFL);
    }

    private int u16(int at) {
        return (buf.get(at) & 0xFF) << 8 | (buf.get(at + 1) & 0xFF);
    }
}
