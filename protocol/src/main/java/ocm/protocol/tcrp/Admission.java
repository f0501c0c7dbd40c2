package ocm.protocol.tcrp;

import java.util.List;
import java.util.Objects;

/**
 * State 2 after a successful create or join: the secret token for the UDP side and what an OCM
 * client shows at once. Seed clients read only {@code token}.
 */
public record Admission(String token, String room, String username, boolean host, String hostName,
                        List<String> members, boolean locked) implements TcrpReply {
    public Admission {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(hostName, "hostName");
        members = List.copyOf(members);
    }

    @Override
    public State state() {
        return State.COMPLETE;
    }

    @Override
    public String toString() {
        // The token is a secret: never print it whole.
        return "Admission[room=" + room + ", username=" + username + ", host=" + host + ", token="
                + (token.length() > 6 ? token.substring(0, 6) + "…" : "…") + "]";
    }
}
