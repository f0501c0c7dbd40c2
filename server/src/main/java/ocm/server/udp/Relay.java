package ocm.server.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.protocol.ProtocolException;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.server.config.Addresses;
import ocm.server.config.ServerConfig;
import ocm.server.room.Member;
import ocm.server.room.Removals;
import ocm.server.room.Room;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import ocm.server.stats.DropReason;

/**
 * The datagram side of the relay, one way down: a datagram is decoded and handed to the handler
 * of its protocol ({@link V1Handler}, {@link V2Handler}), which asks the {@link RoomService};
 * the room service tells members through their links ({@link V1Link}, {@link V2Link}), which
 * queue to the {@link Outbox}, which sends. Also the relay's timers (retransmission, the idle
 * sweep) and the flush. Relay thread only.
 */
public final class Relay {
    private static final Logger LOG = Logger.getLogger("ocm.server.relay");

    private final RoomService rooms;
    private final Counters counters;
    private final Outbox outbox;
    private final V1Handler v1;
    private final V2Handler v2;

    public Relay(ServerConfig config, RoomService rooms, Tokens tokens, Counters counters, DatagramSender socket, Clock clock) {
        this.rooms = rooms;
        this.counters = counters;
        this.outbox = new Outbox(socket, counters, clock);
        RoomRegistry registry = rooms.registry();
        this.v1 = new V1Handler(registry, counters, outbox, rooms);
        this.v2 = new V2Handler(config, registry, tokens, counters, outbox, rooms);
        linkRestored(registry);
    }

    /**
     * Members restored from the state file keep their address: v1 members go on receiving as
     * before the restart; v2 members are told to register again when they next speak.
     */
    private void linkRestored(RoomRegistry registry) {
        for (Room room : registry.rooms()) {
            for (Member m : room.members()) {
                if (m.address() != null) {
                    m.link(m.protocol() == 1 ? new V1Link(m, outbox) : new V2Link(m, outbox));
                }
            }
        }
    }

    // ---- incoming ----------------------------------------------------------------------

    public void onDatagram(ByteBuffer in, InetSocketAddress from, long now) {
        int length = in.remaining();
        counters.datagramsIn++;
        counters.bytesIn += length;
        if (v2.acksAndPings(in, from, now)) {
            return;
        }
        try {
            if (V2Codec.isV2(in)) {
                v2.onDatagram(V2Codec.decode(in), from, length, now);
            } else {
                v1.onDatagram(V1Codec.decodeClient(in), from, now);
            }
        } catch (ProtocolException e) {
            counters.drop(DropReason.GARBAGE);
            LOG.log(Level.FINE, () -> "dropped a datagram from " + Addresses.show(from) + ": " + e.getMessage());
        }
        // Members a chat fan-out found too far behind go once the whole datagram is handled.
        rooms.settle(now);
    }

    // ---- timers ------------------------------------------------------------------------

    /** Resends what is due and removes members whose window gave up (they stopped acknowledging). */
    public void retransmit(long now) {
        if (!outbox.anyInFlight()) {
            return;
        }
        List<Member> gaveUp = outbox.retransmit(now);
        for (int i = 0; i < gaveUp.size(); i++) {
            rooms.remove(gaveUp.get(i), Removals.STOPPED_ACKING);
        }
        rooms.settle(now);
    }

    /** The idle sweep: members silent past their timeout are removed. */
    public void sweep(long now) {
        rooms.sweep(now);
    }

    /** Sends what every member touched since the last flush has ready. */
    public void flush(long now) {
        outbox.flushAll(now);
    }

    /** True while deliveries are in flight (the loop then wakes often for the retransmission timer). */
    public boolean busy() {
        return outbox.anyInFlight();
    }

    /** Tells every member the server is going down. */
    public void announceShutdown() {
        rooms.serverClosing();
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
