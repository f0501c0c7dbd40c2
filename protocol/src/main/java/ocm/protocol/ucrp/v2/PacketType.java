package ocm.protocol.ucrp.v2;

import ocm.protocol.ProtocolException;

/**
 * The type byte of each v2 packet. 0x0_ are sent by clients (ACK by both sides), 0x2_ by the server.
 *
 * <p>The type byte also says what a receiver that does not know a type does with it, so that the
 * format can grow without breaking older peers (docs/PROTOCOL.md, "Growing the format"):
 * <ul>
 * <li>{@code 0x00..0x3F} core: every receiver knows them all; an unknown one refuses the datagram.
 * <li>{@code 0x40..0x7F} optional: a receiver that does not know the type skips the packet.
 * <li>{@code 0x80..0xFF} optional and numbered: the body starts with a 4-byte number in the
 *     sender's reliable stream (a dseq from the server, a chat seq from a client); a receiver that
 *     does not know the type skips the packet but takes its number, so it acknowledges it and the
 *     stream goes on.
 * </ul>
 */
public enum PacketType {
    REGISTER(0x01),
    CHAT(0x02),
    ACK(0x03),
    PING(0x04),
    LEAVE(0x05),
    KICK(0x06),
    CLOSE(0x07),
    WELCOME(0x20),
    ACCEPTED(0x21),
    MESSAGE(0x22),
    EVENT(0x23),
    MEMBERS(0x24),
    PONG(0x25),
    ENDED(0x26),
    ERROR(0x27),
    /**
     * Not a type on the wire: a packet of an optional type this side does not know
     * ({@link Packet.Skipped}, which carries the real type byte).
     */
    SKIPPED(-1);

    /** The first optional type code: from here on, an unknown type is skipped, not refused. */
    public static final int FIRST_OPTIONAL = 0x40;
    /** The first optional numbered type code: from here on, the body starts with a 4-byte number. */
    public static final int FIRST_NUMBERED = 0x80;

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    /** The type byte ({@code -1} for {@link #SKIPPED}, whose packets carry their own). */
    public int code() {
        return code;
    }

    /** True for a type byte a receiver that does not know it skips (0x40..0xFF). */
    public static boolean isOptional(int code) {
        return code >= FIRST_OPTIONAL && code <= 0xFF;
    }

    /** True for a type byte whose body starts with a number the receiver acknowledges (0x80..0xFF). */
    public static boolean isNumbered(int code) {
        return code >= FIRST_NUMBERED && code <= 0xFF;
    }

    private static final PacketType[] BY_CODE = new PacketType[256];

    static {
        for (PacketType t : values()) {
            if (t.code >= 0) {
                BY_CODE[t.code] = t;
            }
        }
    }

    /** The known type with this code, or null (an optional type this side does not know, or a bad core one). */
    static PacketType known(int code) {
        return (code >= 0 && code < 256) ? BY_CODE[code] : null;
    }

    public static PacketType ofCode(int code) throws ProtocolException {
        PacketType t = known(code);
        if (t == null) {
            throw new ProtocolException(String.format("unknown v2 packet type 0x%02x", code));
        }
        return t;
    }
}
