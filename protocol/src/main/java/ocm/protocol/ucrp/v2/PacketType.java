package ocm.protocol.ucrp.v2;

import ocm.protocol.ProtocolException;

/** The type byte of each v2 packet. 0x0_ are sent by clients (ACK by both sides), 0x2_ by the server. */
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
    ERROR(0x27);

    private final int code;

    PacketType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    private static final PacketType[] BY_CODE = new PacketType[256];

    static {
        for (PacketType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    public static PacketType ofCode(int code) throws ProtocolException {
        PacketType t = (code >= 0 && code < 256) ? BY_CODE[code] : null;
        if (t == null) {
            throw new ProtocolException(String.format("unknown v2 packet type 0x%02x", code));
        }
        return t;
    }
}
