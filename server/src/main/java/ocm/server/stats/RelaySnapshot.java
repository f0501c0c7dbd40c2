package ocm.server.stats;

import java.util.EnumMap;
import java.util.Map;

/**
 * The relay's figures at one moment: taken on the relay thread about once a second and
 * published whole, so other threads (the metrics endpoint) read them without touching the
 * relay's live counters or rooms.
 */
public record RelaySnapshot(long takenAt, int rooms, int membersV1, int membersV2, int membersUnregistered,
                            long datagramsIn, long bytesIn, long datagramsOut, long bytesOut,
                            long messagesIn, long deliveries, long retransmissions,
                            Map<DropReason, Long> drops, double busyRatio) {
    /** Before the relay's first sample. */
    public static final RelaySnapshot EMPTY = new RelaySnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0);

    public RelaySnapshot {
        drops = Map.copyOf(drops);
    }

    /** Relay thread only: reads the live counters; {@code members} were counted by the caller. */
    public static RelaySnapshot of(long now, Counters c, MemberCounts members, double busyRatio) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            drops.put(r, c.drops(r));
        }
        return new RelaySnapshot(now, members.rooms(), members.v1(), members.v2(), members.unregistered(), c.datagramsIn, c.bytesIn,
                c.datagramsOut, c.bytesOut, c.messagesIn, c.deliveries, c.retransmissions, drops, busyRatio);
    }

    public long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }
}
