package ocm.server.stats;

import java.util.EnumMap;
import java.util.Map;
import ocm.server.room.Member;
import ocm.server.room.Room;
import ocm.server.room.RoomRegistry;

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

    /** Relay thread only: reads the live counters and walks the rooms once. */
    public static RelaySnapshot of(long now, Counters c, RoomRegistry registry, double busyRatio) {
        int v1 = 0;
        int v2 = 0;
        int unregistered = 0;
        for (Room room : registry.rooms()) {
            for (Member m : room.members()) {
                if (m.address() == null) {
                    unregistered++;
                } else if (m.protocol() == 1) {
                    v1++;
                } else {
                    v2++;
                }
            }
        }
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            drops.put(r, c.drops(r));
        }
        return new RelaySnapshot(now, registry.rooms().size(), v1, v2, unregistered, c.datagramsIn, c.bytesIn,
                c.datagramsOut, c.bytesOut, c.messagesIn, c.deliveries, c.retransmissions, drops, busyRatio);
    }

    public long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }
}
