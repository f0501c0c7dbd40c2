package ocm.server.admin;

import java.util.Optional;

/** A ban in a room: the name and, if known, the address refused. */
public record BanView(String room, String name, Optional<String> address, String reason) {
}
