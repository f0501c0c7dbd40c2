package ocm.client.ui;

import ocm.client.net.NetEvent;
import ocm.protocol.ucrp.v2.EndReason;

/** System lines in words, shared by the full-screen chat and plain mode. */
public final class Words {
    private Words() {
    }

    public static String event(NetEvent.RoomEvent e) {
        String extra = e.text().isEmpty() ? "" : ": " + e.text();
        switch (e.kind()) {
            case JOINED:
                return e.name() + " joined";
            case LEFT:
                return e.name() + " left";
            case KICKED:
                return e.name() + " was kicked" + extra;
            case BANNED:
                return e.name() + " was banned" + extra;
            case TIMED_OUT:
                return e.name() + " timed out";
            case RECONNECTED:
                return e.name() + " reconnected";
            case NOTICE:
            default:
                return "notice" + extra;
        }
    }

    public static String ended(NetEvent.Ended e) {
        String msg = e.message();
        if (e.reason().isEmpty() && !msg.isEmpty()) {
            return msg; // the client's own finding, whole ("lobby no longer exists on the server")
        }
        String base = e.reason().map(Words::reason).orElse("membership ended");
        return msg.isEmpty() || base.contains(msg) ? base : base + " (" + msg + ")";
    }

    private static String reason(EndReason r) {
        switch (r) {
            case HOST_LEFT:
                return "room closed: host left";
            case CLOSED_BY_HOST:
                return "room closed by the host";
            case CLOSED_BY_ADMIN:
                return "room closed by the server's operator";
            case KICKED:
                return "you were kicked";
            case BANNED:
                return "you were banned";
            case TIMED_OUT:
                return "you timed out";
            case HOST_TIMED_OUT:
                return "room closed: the host timed out";
            case LEFT:
            default:
                return "you left the room";
        }
    }
}
