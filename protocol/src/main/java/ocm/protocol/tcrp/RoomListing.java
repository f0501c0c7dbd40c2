package ocm.protocol.tcrp;

import java.util.List;
import java.util.Objects;

/** State 2 answer to LIST_ROOMS. */
public record RoomListing(List<RoomSummary> rooms) implements TcrpReply {
    public RoomListing {
        rooms = List.copyOf(rooms);
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
