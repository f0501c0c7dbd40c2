package ocm.server.tcp;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.RoomListing;
import ocm.server.room.PasswordHash;

/**
 * What the TCP side may ask of the rooms. The rooms live on the relay thread: each call submits
 * a task there and the future completes with its answer (a {@link ocm.server.room.RoomException}
 * when refused). The slow part of a join, hashing the password, stays on the TCP worker.
 */
public interface RoomAccess {
    CompletableFuture<Admission> create(String room, String user, Optional<PasswordHash> password, int protocol, String ip, long now);

    /** {@code verified}: the room's hash the worker checked the password against (empty for an open room). */
    CompletableFuture<Admission> join(String room, String user, Optional<PasswordHash> verified, int protocol, String ip, long now);

    /**
     * As {@link #create}, for a client that proved a key ({@code key}: its fingerprint), so it may use a
     * name that key owns. Only in-process clients (the SSH gateway) have one today.
     */
    default CompletableFuture<Admission> create(String room, String user, Optional<PasswordHash> password, int protocol,
                                                String ip, Optional<String> key, long now) {
        return key.isEmpty() ? create(room, user, password, protocol, ip, now)
                : CompletableFuture.failedFuture(new UnsupportedOperationException("no keyed clients here"));
    }

    /** As {@link #join}, for a client that proved a key. */
    default CompletableFuture<Admission> join(String room, String user, Optional<PasswordHash> verified, int protocol,
                                              String ip, Optional<String> key, long now) {
        return key.isEmpty() ? join(room, user, verified, protocol, ip, now)
                : CompletableFuture.failedFuture(new UnsupportedOperationException("no keyed clients here"));
    }

    /** The hash a join must match, or empty for an open room. */
    CompletableFuture<Optional<PasswordHash>> passwordOf(String room);

    /** The room list with its version, or null when the version is still {@code knownVersion}. */
    CompletableFuture<VersionedListing> listIfChanged(long knownVersion);

    /** A room list and the version of the rooms it was made from. */
    record VersionedListing(long version, RoomListing listing) {
    }
}
