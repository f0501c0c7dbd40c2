package ocm.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The removal queue: each scope carries out its own removals, in order, nested ones first. */
class RemovalsTest {
    private final List<String> removed = new ArrayList<>();
    private Member alice;
    private Member bob;
    private Member carol;

    @BeforeEach
    void members() throws Exception {
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 10, 10, 10), new Tokens());
        alice = registry.create("r", "alice", Optional.empty(), 2, "127.0.0.1", 0);
        bob = registry.join("r", "bob", Optional.empty(), 2, "127.0.0.1", 0);
        carol = registry.join("r", "carol", Optional.empty(), 2, "127.0.0.1", 0);
    }

    @Test
    void aScopeCarriesOutOnlyWhatWasQueuedSinceItsMark() {
        Removals removals = new Removals((m, why, now) -> removed.add(m.name() + ": " + why));
        removals.queue(alice, "earlier");
        int mark = removals.mark();
        removals.queue(bob, "behind");
        removals.queue(carol, "silent");
        removals.carryOut(mark, 0);
        assertEquals(List.of("bob: behind", "carol: silent"), removed);
        removals.carryOutAll(0);
        assertEquals(List.of("bob: behind", "carol: silent", "alice: earlier"), removed);
        removals.carryOutAll(0);
        assertEquals(3, removed.size(), "each removal is carried out once");
    }

    @Test
    void removalsFoundWhileCarryingOutOneAreCarriedOutBeforeTheNext() {
        Removals[] self = new Removals[1];
        Removals removals = new Removals((m, why, now) -> {
            removed.add(m.name());
            if (m == alice) {
                // Telling the room alice went is itself a loop over the room: it finds carol behind.
                int mark = self[0].mark();
                self[0].queue(carol, "behind");
                self[0].carryOut(mark, now);
            }
        });
        self[0] = removals;
        removals.queue(alice, "gave up");
        removals.queue(bob, "gave up");
        removals.carryOutAll(0);
        assertEquals(List.of("alice", "carol", "bob"), removed);
    }

    @Test
    void aFailedRemovalLeavesNothingQueued() {
        Removals removals = new Removals((m, why, now) -> {
            removed.add(m.name());
            if (m == alice) {
                throw new IllegalStateException("boom");
            }
        });
        removals.queue(alice, "behind");
        removals.queue(bob, "behind");
        assertThrows(IllegalStateException.class, () -> removals.carryOutAll(0));
        assertEquals(0, removals.mark());
        removals.removeNow(carol, "behind", 0);
        assertEquals(List.of("alice", "carol"), removed);
    }
}
