package ocm.client.net;

import java.util.List;
import java.util.Objects;

/** What joining or creating a room gave us (the token stays inside the net layer). */
public record Membership(String room, String user, boolean host, String hostName, List<String> members, boolean locked) {
    public Membership {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(hostName, "hostName");
        members = List.copyOf(members);
    }
}
