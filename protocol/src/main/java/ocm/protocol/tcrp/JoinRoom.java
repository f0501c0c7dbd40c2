package ocm.protocol.tcrp;

import java.util.Objects;
import java.util.Optional;

/** Join an existing room; {@code password} is needed for a locked room. */
public record JoinRoom(String room, String username, Optional<String> password, int protocol) implements TcrpRequest {
    public JoinRoom {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public Operation operation() {
        return Operation.JOIN_ROOM;
    }
}
