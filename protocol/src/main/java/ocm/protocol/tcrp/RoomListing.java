package ocm.protocol.tcrp;

import java.util.List;
import java.util.Objects;

/**
 * State 2 answer to LIST_ROOMS. {@code more}: how many rooms the server left out to keep the
 * reply within the TCRP payload limit (0 when the list is whole).
 */
public record RoomListing(List<RoomSummary> rooms, int more) implements TcrpReply {
    public RoomListing {
        rooms = List.copyOf(rooms);
        if (more < 0) {
            throw new IllegalArgumentException("more must not be negative, got " + more);
        }
    }

    /** A whole list. */
    public RoomListing(List<RoomSummary> rooms) {
        this(rooms, 0);
    }

    @Override
    public State state() {
        return State.COMPLETE;
    }

    /** One room as the lobby shows it. */
    public record RoomSummary(String name, String host, int members, boolean locked) {
        public RoomSummary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
        }
    }
}
