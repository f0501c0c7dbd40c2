package ocm.protocol.ucrp.v2;

import ocm.protocol.ProtocolException;

/** What a {@link Packet.RoomEvent} reports. */
public enum EventKind {
    JOINED(1),
    LEFT(2),
    KICKED(3),
    BANNED(4),
    TIMED_OUT(5),
    /** A server announcement ({@code /say}) or other notice; name is empty. */
    NOTICE(6),
    /** The server restarted or this member re-registered from a new address. */
    RECONNECTED(7);

    private final int code;

    EventKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EventKind ofCode(int code) throws ProtocolException {
        for (EventKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new ProtocolException("unknown event kind " + code);
    }
}
