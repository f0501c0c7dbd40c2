package ocm.server.room;

import java.util.Objects;
import ocm.protocol.ucrp.v2.EventKind;

/**
 * Something the room is told by the server: a join, a leave, a kick, a reconnect, an operator's
 * notice. {@code text} is the event's own text (a reason, a notice); {@code plainLine} is the
 * whole line for members that only read text lines (seed clients), or null when they are not
 * told (a reconnect).
 */
public record Announcement(EventKind kind, String name, String text, String plainLine, long timestampMillis) {
    public Announcement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
