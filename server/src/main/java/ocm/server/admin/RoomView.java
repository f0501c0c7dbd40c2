package ocm.server.admin;

import java.time.Duration;

/** One row of /rooms. */
public record RoomView(String name, String host, int members, boolean locked, long messagesRelayed, Duration age) {
}
