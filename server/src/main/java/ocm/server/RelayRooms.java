package ocm.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import ocm.protocol.tcrp.Admission;
import ocm.server.room.PasswordHash;
import ocm.server.room.RoomService;
import ocm.server.tcp.RoomAccess;
import ocm.server.udp.RelayLoop;

/** The TCP side's way to the rooms: each call is a task on the relay thread, which owns them. */
final class RelayRooms implements RoomAccess {
    private final RelayLoop relay;
    private final RoomService rooms;

    RelayRooms(RelayLoop relay, RoomService rooms) {
        this.relay = relay;
        this.rooms = rooms;
    }

    @Override
    public CompletableFuture<Admission> create(String room, String user, Optional<PasswordHash> password, int protocol,
                                               String ip, long now) {
        return relay.submit(() -> rooms.create(room, user, password, protocol, ip, now));
    }

    @Override
    public CompletableFuture<Admission> join(String room, String user, Optional<PasswordHash> verified, int protocol,
                                             String ip, long now) {
        return relay.submit(() -> rooms.join(room, user, verified, protocol, ip, now));
    }

    @Override
    public CompletableFuture<Admission> create(String room, String user, Optional<PasswordHash> password, int protocol,
                                               String ip, Optional<String> key, long now) {
        return relay.submit(() -> rooms.create(room, user, password, protocol, ip, key, now));
    }

    @Override
    public CompletableFuture<Admission> join(String room, String user, Optional<PasswordHash> verified, int protocol,
                                             String ip, Optional<String> key, long now) {
        return relay.submit(() -> rooms.join(room, user, verified, protocol, ip, key, now));
    }

    @Override
    public CompletableFuture<Optional<PasswordHash>> passwordOf(String room) {
        return relay.submit(() -> rooms.passwordOf(room));
    }

    @Override
    public CompletableFuture<VersionedListing> listIfChanged(long knownVersion) {
        return relay.submit(() -> {
            long v = rooms.listVersion();
            return v == knownVersion ? null : new VersionedListing(v, rooms.list());
        });
    }
}
