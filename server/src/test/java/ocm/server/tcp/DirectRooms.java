package ocm.server.tcp;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import ocm.protocol.tcrp.Admission;
import ocm.server.room.PasswordHash;
import ocm.server.room.RoomService;

/** {@link RoomAccess} answered on the caller's thread, for tests of the TCP side without a relay thread. */
final class DirectRooms implements RoomAccess {
    private final RoomService rooms;

    DirectRooms(RoomService rooms) {
        this.rooms = rooms;
    }

    private static <T> CompletableFuture<T> now(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            f.complete(work.call());
        } catch (Exception e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    @Override
    public CompletableFuture<Admission> create(String room, String user, Optional<PasswordHash> password, int protocol,
                                               String ip, long now) {
        return now(() -> rooms.create(room, user, password, protocol, ip, now));
    }

    @Override
    public CompletableFuture<Admission> join(String room, String user, Optional<PasswordHash> verified, int protocol,
                                             String ip, long now) {
        return now(() -> rooms.join(room, user, verified, protocol, ip, now));
    }

    @Override
    public CompletableFuture<Optional<PasswordHash>> passwordOf(String room) {
        return now(() -> rooms.passwordOf(room));
    }

    @Override
    public CompletableFuture<VersionedListing> listIfChanged(long knownVersion) {
        return now(() -> rooms.listVersion() == knownVersion ? null : new VersionedListing(rooms.listVersion(), rooms.list()));
    }
}
