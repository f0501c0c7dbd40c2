package ocm.protocol.ucrp.v2;

import ocm.protocol.ProtocolException;

/** Why a membership ended, carried by {@link Packet.Ended}. */
public enum EndReason {
    /** The host left, so the room closed. */
    HOST_LEFT(1),
    /** The host closed the room. */
    CLOSED_BY_HOST(2),
    /** The server's operator closed the room. */
    CLOSED_BY_ADMIN(3),
    KICKED(4),
    BANNED(5),
    TIMED_OUT(6),
    /** The host timed out, so the room closed. */
    HOST_TIMED_OUT(7),
    /** You left (the answer to Leave). */
    LEFT(8);

    private final int code;

    EndReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EndReason ofCode(int code) throws ProtocolException {
        for (EndReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new ProtocolException("unknown end reason " + code);
    }
}
