package ocm.server.room;

import java.util.Objects;
import java.util.Optional;

/** A ban in one room: that name, and (if known) that IP address, are refused on join. */
public record Ban(String name, Optional<String> address, String reason) {
    public Ban {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
    }
}
