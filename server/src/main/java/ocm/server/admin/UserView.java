package ocm.server.admin;

import java.time.Duration;
import java.util.Optional;

/** One row of /users. {@code address} is empty until the member registers its UDP address; {@code protocol} is 1 or 2 (0 before registering). */
public record UserView(String name, String room, Optional<String> address, int protocol, Duration idle, boolean host) {
}
