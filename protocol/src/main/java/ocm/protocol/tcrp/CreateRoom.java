package ocm.protocol.tcrp;

import java.util.Objects;
import java.util.Optional;

/**
 * Create a room and become its host. {@code protocol} is 1 for seed-style clients (whose payload
 * is a bare JSON string) and 2 for OCM clients, which may set a password.
 */
public record CreateRoom(String room, String username, Optional<String> password, int protocol) implements TcrpRequest {
    public CreateRoom {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public Operation operation() {
        return Operation.CREATE_ROOM;
    }
}
