package ocm.client.net;

import java.util.Objects;
import java.util.Optional;

/** Ask to create or join {@code room} as {@code user}, with an optional password. */
public record RoomRequest(boolean create, String room, String user, Optional<String> password) {
    public RoomRequest {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public static RoomRequest create(String room, String user, Optional<String> password) {
        return new RoomRequest(true, room, user, password);
    }

    public static RoomRequest join(String room, String user, Optional<String> password) {
        return new RoomRequest(false, room, user, password);
    }
}
