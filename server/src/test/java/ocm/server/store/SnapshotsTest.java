package ocm.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import ocm.server.room.Member;
import ocm.server.room.RoomRegistry;
import ocm.server.room.Tokens;
import org.junit.jupiter.api.Test;

/** Member addresses in the state file, in the one format the server uses everywhere. */
class SnapshotsTest {
    @Test
    void memberAddressesAreSavedAsHostAndPortEvenWhenUnresolved() throws Exception {
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 10, 10, 10), new Tokens());
        Member host = registry.create("lobby", "alice", Optional.empty(), 2, "127.0.0.1", 0);
        host.address(new InetSocketAddress("127.0.0.1", 4000));
        registry.join("lobby", "bob", Optional.empty(), 1, "127.0.0.1", 0);
        // As restored from a state file whose host name no longer resolves.
        registry.restoreMember(host.room(), "carol", "hash", InetSocketAddress.createUnresolved("gone.invalid", 5000), 1, 0, 0);
        List<StateSnapshot.MemberSnapshot> saved = Snapshots.of(registry, 0).rooms().get(0).members();
        assertEquals("127.0.0.1:4000", saved.get(0).address());
        assertEquals(null, saved.get(1).address(), "bob has not registered an address");
        assertEquals("gone.invalid:5000", saved.get(2).address());
    }
}
