package ocm.server.cluster;

import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Where this node is in one room's stream of items (relay thread only): the next seq it will
 * deliver, what came early (held in seq order until the gap before it is read from the stream),
 * whether it has its first snapshot yet (until then everything is held), and the admissions in
 * flight that still need the room here.
 */
final class RoomSync {
    /** Completes once the snapshot is applied: the room here is whole and live. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    final TreeMap<Long, Item> pending = new TreeMap<>();
    long expected;
    int lastMsgId;
    boolean live;
    boolean fetching;
    int admitsPending;

    long seqHighWater() {
        return Math.max(0, expected - 1);
    }
}
