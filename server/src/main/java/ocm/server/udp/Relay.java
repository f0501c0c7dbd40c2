package ocm.server.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.ProtocolException;
import ocm.protocol.Utf8;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketType;
import ocm.protocol.ucrp.v2.PacketWriter;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.server.config.Addresses;
import ocm.server.config.ServerConfig;
import ocm.server.room.ChatRecord;
import ocm.server.room.Member;
import ocm.server.room.Outgoing;
import ocm.server.room.Room;
import ocm.server.room.RoomRegistry;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import ocm.server.stats.DropReason;

/**
 * What the relay decides for each datagram: check the token and the address, then relay a chat
 * to the room, register, leave, kick, close, ack. Also the membership changes that come from TCP
 * and the console ({@link Membership}). Relay thread only; sends through {@link Outbox}.
 */
public final class Relay {
    private static final Logger LOG = Logger.getLogger("ocm.server.relay");
    private static final byte[] SERVER_SENDER = Utf8.encode(ocm.protocol.Names.SERVER_SENDER);

    private final ServerConfig config;
    private final RoomRegistry registry;
    private final Tokens tokens;
    private final Counters counters;
    private final Outbox outbox;
    private final Membership membership;
    /** Members to remove once the datagram or timer at hand is done (see {@link Removals}). */
    private final Removals removals;
    private final V1Handler v1;
    private final V2Handler v2;

    Relay(ServerConfig config, RoomRegistry registry, Tokens tokens, Counters counters, Outbox outbox) {
        this.config = config;
        this.registry = registry;
        this.tokens = tokens;
        this.counters = counters;
        this.outbox = outbox;
        this.membership = new Membership(registry, outbox, this);
        this.removals = membership.removals();
        this.v1 = new V1Handler(registry, counters, outbox, membership, this);
        this.v2 = new V2Handler(config, registry, tokens, counters, outbox, membership, this);
    }

    public Membership membership() {
        return membership;
    }

    public RoomRegistry registry() {
        return registry;
    }

    public Counters counters() {
        return counters;
    }

    // ---- incoming ----------------------------------------------------------------------

    void onDatagram(ByteBuffer in, InetSocketAddress from, long now) {
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
        removals.carryOutAll(now);
    }

    /**
     * Numbers the message, keeps it in history, and fans it out: encoded once per protocol.
     * {@code senderSeq}: the v2 chat seq it came as, or {@link ChatRecord#NO_SEQ}.
     */
    ChatRecord relayChat(Member sender, boolean action, String text, long senderSeq, long now) {
        Room room = sender.room();
        ChatRecord r = room.record(now, action, sender.name(), text, senderSeq);
        counters.messagesIn++;
        room.countRelayed();
        registry.markDirty();
        Outgoing v2 = null;
        boolean v1Ready = false;
        boolean v1Failed = false;
        for (int i = 0, n = room.size(); i < n; i++) {
            Member t = room.memberAt(i);
            if (t == sender || t.address() == null) {
                continue;
            }
            if (t.stream() != null) {
                if (v2 == null) {
                    v2 = chatOutgoing(r);
                }
                membership.enqueueInLoop(t, v2);
            } else if (t.protocol() == 1 && !v1Failed) {
                if (!v1Ready) {
                    String v1Text = action ? "* " + sender.name() + " " + text : text;
                    v1Ready = outbox.prepareV1(Utf8.encode(sender.name()), Utf8.encode(v1Text));
                    v1Failed = !v1Ready;
                    if (v1Failed) {
                        continue;
                    }
                }
                outbox.sendV1(t.address());
            }
        }
        return r;
    }

    /** A message encoded once (its body after the dseq) for every v2 recipient. */
    static Outgoing chatOutgoing(ChatRecord r) {
        return new Outgoing(PacketType.MESSAGE, PacketWriter.chatMessageTail(r.msgId(), r.timestampMillis(), r.action(),
                Utf8.encode(r.sender()), Utf8.encode(r.text())));
    }

    /** A notice from "*server*" to one v1 member. */
    void noticeV1(Member t, String text) {
        if (t.address() != null && outbox.prepareV1(SERVER_SENDER, Utf8.encode(text))) {
            outbox.sendV1(t.address());
        }
    }

    // ---- timers ------------------------------------------------------------------------

    /** Resends what is due and removes members whose window gave up (they stopped acknowledging). */
    void retransmit(long now) {
        if (!outbox.anyInFlight()) {
            return;
        }
        List<Member> gaveUp = outbox.retransmit(now);
        for (int i = 0; i < gaveUp.size(); i++) {
            removals.queue(gaveUp.get(i), Removals.STOPPED_ACKING);
        }
        removals.carryOutAll(now);
    }

    /**
     * Removes members silent for longer than their protocol's idle timeout: queued while walking
     * the rooms, since a removal changes its room and a host's removal closes it.
     */
    void sweep(long now) {
        long v1 = config.v1IdleTimeout().toMillis();
        long v2 = config.v2IdleTimeout().toMillis();
        for (Room room : registry.rooms()) {
            for (int i = 0; i < room.size(); i++) {
                Member m = room.memberAt(i);
                long limit = m.protocol() == 2 ? v2 : v1;
                if (now - m.lastHeard() > limit) {
                    removals.queue(m, "no activity for " + seconds(limit));
                }
            }
        }
        removals.carryOutAll(now);
        registry.expireRevocations(now);
    }

    void flush(long now) {
        outbox.flushAll(now);
    }

    boolean busy() {
        return outbox.anyInFlight();
    }

    /** Tells every v2 member the server is going down, and v1 members in a notice. */
    public void announceShutdown() {
        Packet bye = new Packet.Error(ErrorCode.SERVER_SHUTTING_DOWN, "the server is shutting down");
        for (Room room : registry.rooms()) {
            for (int i = 0; i < room.size(); i++) {
                Member m = room.memberAt(i);
                if (m.address() == null) {
                    continue;
                }
                if (m.stream() != null || m.protocol() == 2) {
                    outbox.sendNow(room.nameUtf8(), m.address(), bye);
                } else {
                    noticeV1(m, "the server is shutting down");
                }
            }
        }
    }

    /** The longest prefix of {@code s} (whole code points) that fits in {@code maxBytes} of UTF-8. */
    static String truncate(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                return s.substring(0, i);
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
