package ocm.server.cluster;

import java.util.Optional;
import ocm.server.room.PasswordHash;

/** A room's password hash as the cluster's registry keeps it: {@code salt:hash:iterations}, "" for an open room. */
final class Passwords {
    private Passwords() {
    }

    static String encode(Optional<PasswordHash> p) {
        return p.map(h -> h.saltBase64() + ":" + h.hashBase64() + ":" + h.iterations()).orElse("");
    }

    static Optional<PasswordHash> decode(String s) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = s.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a stored password hash");
        }
        return Optional.of(new PasswordHash(parts[0], parts[1], Integer.parseInt(parts[2])));
    }
}
