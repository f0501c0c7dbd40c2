package ocm.server.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import ocm.protocol.Utf8;
import ocm.protocol.reliable.ReceiveWindow;
import ocm.protocol.ucrp.v1.V1ClientMessage;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketType;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;
import ocm.server.ServerConfig;
import ocm.server.room.ChatRecord;
import ocm.server.room.DeliveryStream;
import ocm.server.room.Member;
import ocm.server.room.Outgoing;
import ocm.server.room.Revocations;
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
    private final List<Member> toRemove = new ArrayList<>();

    Relay(ServerConfig config, RoomRegistry registry, Tokens tokens, Counters counters, Outbox outbox) {
        this.config = config;
        this.registry = registry;
        this.tokens = tokens;
        this.counters = counters;
        this.outbox = outbox;
        this.membership = new Membership(registry, outbox, this);
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
        if (acksAndPings(in, from, now)) {
            return;
        }
        try {
            if (V2Codec.isV2(in)) {
                onV2(V2Codec.decode(in), from, length, now);
            } else {
                onV1(V1Codec.decodeClient(in), from, now);
            }
        } catch (ProtocolException e) {
            counters.drop(DropReason.GARBAGE);
            LOG.log(Level.FINE, () -> "dropped a datagram from " + show(from) + ": " + e.getMessage());
        }
        removePending(now);
    }

    /**
     * The allocation-free path for the most common v2 datagram, acks (and pings) from a member
     * with a live session at its registered address: read in place, no decoding into records.
     * Returns false, touching nothing, for anything else; the full decoder then handles it.
     */
    private boolean acksAndPings(ByteBuffer in, InetSocketAddress from, long now) {
        int p = in.position();
        int end = in.limit();
        if (end - p < V2Codec.HEADER_FIXED || in.get(p) != V2Codec.MARKER || in.get(p + 1) != V2Codec.VERSION
                || in.get(p + 2) != 0) {
            return false;
        }
        int roomLen = in.get(p + 3) & 0xFF;
        int tokenLen = in.get(p + 4) & 0xFF;
        int roomOff = p + V2Codec.HEADER_FIXED;
        int first = roomOff + roomLen + tokenLen;
        if (roomLen == 0 || first >= end) {
            return false;
        }
        for (int q = first; q < end; ) {
            if (end - q < V2Codec.PACKET_HEADER) {
                return false;
            }
            int type = in.get(q) & 0xFF;
            int len = in.getShort(q + 1) & 0xFFFF;
            boolean known = (type == PacketType.ACK.code() && len == 12) || (type == PacketType.PING.code() && len == 8);
            if (!known || q + V2Codec.PACKET_HEADER + len > end) {
                return false;
            }
            q += V2Codec.PACKET_HEADER + len;
        }
        Member m = registry.byTokenBytes(in, roomOff + roomLen, tokenLen);
        if (m == null || m.stream() == null || !from.equals(m.address()) || !sameBytes(in, roomOff, m.room().nameUtf8())) {
            return false;
        }
        m.heard(now);
        DeliveryStream s = m.stream();
        for (int q = first; q < end; ) {
            int type = in.get(q) & 0xFF;
            int len = in.getShort(q + 1) & 0xFFFF;
            if (type == PacketType.ACK.code()) {
                s.window().ack(in.getInt(q + 3), in.getLong(q + 7), now);
                if (!s.backlog().isEmpty()) {
                    outbox.markDirty(m);
                }
            } else {
                outbox.pong(m, in.getLong(q + 3), now);
            }
            q += V2Codec.PACKET_HEADER + len;
        }
        return true;
    }

    private static boolean sameBytes(ByteBuffer in, int offset, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (in.get(offset + i) != expected[i]) {
                return false;
            }
        }
        return in.get(offset - 2) == (byte) expected.length;
    }

    private void onV1(V1ClientMessage msg, InetSocketAddress from, long now) {
        Member m = registry.byToken(msg.token());
        if (m == null) {
            Revocations.Revoked r = registry.revoked(msg.token(), now);
            if (r != null && r.room().equals(msg.room()) && from.equals(r.address())) {
                outbox.sendRoomClosed(from);
                counters.drop(DropReason.REVOKED_TOKEN);
            } else {
                counters.drop(r != null ? DropReason.REVOKED_TOKEN : DropReason.UNKNOWN_TOKEN);
            }
            return;
        }
        if (!m.room().name().equals(msg.room())) {
            counters.drop(DropReason.WRONG_ROOM);
            return;
        }
        if (msg.isRegister()) {
            registerV1(m, from, now);
            return;
        }
        if (!from.equals(m.address())) {
            counters.drop(m.address() == null ? DropReason.NOT_REGISTERED : DropReason.WRONG_ADDRESS);
            return;
        }
        m.heard(now);
        if (msg.isLeave()) {
            membership.end(m, EndReason.LEFT, "", now);
            return;
        }
        if (!m.bucket().tryTake(now)) {
            counters.drop(DropReason.RATE_LIMITED);
            return;
        }
        if (msg.text().isEmpty()) {
            counters.drop(DropReason.GARBAGE);
            return;
        }
        int bytes = Utf8.encode(msg.text()).length;
        if (bytes > Limits.MAX_TEXT_BYTES) {
            counters.drop(DropReason.TOO_LONG);
            noticeV1(m, "your message was not sent: it is " + bytes + " bytes, the limit is " + Limits.MAX_TEXT_BYTES);
            return;
        }
        relayChat(m, false, msg.text(), now);
    }

    private void registerV1(Member m, InetSocketAddress from, long now) {
        boolean first = m.address() == null;
        boolean wasV2 = m.protocol() == 2 && m.stream() != null;
        if (m.stream() != null) {
            outbox.detach(m);
            m.stream(null);
        }
        m.address(from);
        m.protocol(1);
        m.heard(now);
        if (first) {
            LOG.info(() -> m.name() + " registered in '" + m.room().name() + "' from " + show(from) + " (v1)");
        }
        if (wasV2) {
            membership.broadcastMembers(m.room());
        }
    }

    private void onV2(V2Datagram d, InetSocketAddress from, int length, long now) {
        Member m = registry.byToken(d.token());
        if (m == null) {
            answerRevoked(d, from, length, now);
            return;
        }
        if (!m.room().name().equals(d.room())) {
            counters.drop(DropReason.WRONG_ROOM);
            return;
        }
        boolean ackDue = false;
        for (Packet p : d.packets()) {
            if (m.gone()) {
                return;
            }
            if (p.type() == PacketType.REGISTER) {
                registerV2(m, (Packet.Register) p, from, now);
                continue;
            }
            if (m.stream() == null) {
                // After a restart (or a switch from v1): ask the client to start a new session.
                outbox.sendNow(m.room().nameUtf8(), from, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
                counters.drop(DropReason.NOT_REGISTERED);
                return;
            }
            if (!from.equals(m.address())) {
                counters.drop(DropReason.WRONG_ADDRESS);
                return;
            }
            m.heard(now);
            ackDue |= onV2Packet(m, p, now);
        }
        if (ackDue && !m.gone() && m.stream() != null) {
            ReceiveWindow<Packet.Chat> w = m.stream().chats();
            outbox.ack(m, w.cumulative(), w.mask());
        }
    }

    /** Returns true when the packet calls for an Ack of the chat stream. */
    private boolean onV2Packet(Member m, Packet p, long now) {
        switch (p.type()) {
            case CHAT:
                onChat(m, (Packet.Chat) p, now);
                return true;
            case ACK: {
                Packet.Ack a = (Packet.Ack) p;
                DeliveryStream s = m.stream();
                s.window().ack(a.cumulative(), a.mask(), now);
                if (!s.backlog().isEmpty()) {
                    outbox.markDirty(m);
                }
                return false;
            }
            case PING:
                outbox.pong(m, ((Packet.Ping) p).nonce(), now);
                return false;
            case LEAVE:
                membership.end(m, EndReason.LEFT, "", now);
                return false;
            case KICK:
                membership.kickByHost(m, (Packet.Kick) p, now);
                return false;
            case CLOSE:
                membership.closeByHost(m, ((Packet.Close) p).reason(), now);
                return false;
            default:
                counters.drop(DropReason.GARBAGE);
                return false;
        }
    }

    private void answerRevoked(V2Datagram d, InetSocketAddress from, int length, long now) {
        Revocations.Revoked r = registry.revoked(d.token(), now);
        if (r == null) {
            counters.drop(DropReason.UNKNOWN_TOKEN);
            return;
        }
        counters.drop(DropReason.REVOKED_TOKEN);
        if (!r.room().equals(d.room()) || !from.equals(r.address())) {
            return;
        }
        // No amplification: the answer is never larger than what arrived.
        byte[] room = Utf8.encode(d.room());
        int budget = length - V2Codec.headerSize(room.length, 0) - V2Codec.PACKET_HEADER - 1;
        if (budget < 0) {
            return;
        }
        outbox.sendNow(room, from, new Packet.Ended(r.reason(), truncate(r.message(), budget)));
    }

    private void registerV2(Member m, Packet.Register reg, InetSocketAddress from, long now) {
        DeliveryStream old = m.stream();
        Room room = m.room();
        if (old != null && old.session() == reg.session()) {
            outbox.sendNow(room.nameUtf8(), from, new Packet.Welcome(old.session(), old.firstDseq(), old.welcomeTime()));
            return;
        }
        if (old != null) {
            outbox.detach(m);
        }
        boolean wasV2 = m.protocol() == 2;
        boolean moved = m.address() != null && !from.equals(m.address());
        DeliveryStream s = new DeliveryStream(reg.session(), tokens.nextInt(), reg.nextSeq(), now, config.maxBacklog());
        m.address(from);
        m.protocol(2);
        m.stream(s);
        m.heard(now);
        outbox.control(m, new Packet.Welcome(s.session(), s.firstDseq(), now));
        outbox.enqueue(m, membership.memberList(room));
        for (ChatRecord r : room.historySince(reg.since())) {
            outbox.enqueue(m, chatOutgoing(r));
        }
        LOG.info(() -> m.name() + (old == null ? " registered" : " started a new session") + " in '" + room.name()
                + "' from " + show(from) + " (v2)");
        if (!wasV2) {
            membership.broadcastMembers(room);
        } else if (moved) {
            membership.announce(room, EventKind.RECONNECTED, m.name(), "", null, m);
        }
    }

    private void onChat(Member m, Packet.Chat chat, long now) {
        ReceiveWindow<Packet.Chat> w = m.stream().chats();
        ReceiveWindow.Offer offer = w.offer(chat.seq(), chat);
        if (offer == ReceiveWindow.Offer.DUPLICATE) {
            counters.drop(DropReason.DUPLICATE);
            return;
        }
        if (offer == ReceiveWindow.Offer.TOO_FAR) {
            counters.drop(DropReason.TOO_FAR_AHEAD);
            return;
        }
        Packet.Chat c;
        while ((c = w.poll()) != null && !m.gone()) {
            processChat(m, c, now);
        }
    }

    private void processChat(Member m, Packet.Chat c, long now) {
        if (!m.bucket().tryTake(now)) {
            counters.drop(DropReason.RATE_LIMITED);
            outbox.accepted(m, c.seq(), 0, now);
            outbox.control(m, new Packet.Error(ErrorCode.RATE_LIMITED,
                    "slow down: at most " + fmt(config.messagesPerSecond()) + " messages per second"));
            return;
        }
        if (c.text().isEmpty()) {
            outbox.accepted(m, c.seq(), 0, now);
            outbox.control(m, new Packet.Error(ErrorCode.BAD_REQUEST, "empty message"));
            return;
        }
        ChatRecord r = relayChat(m, c.action(), c.text(), now);
        outbox.accepted(m, c.seq(), r.msgId(), r.timestampMillis());
    }

    /** Numbers the message, keeps it in history, and fans it out: encoded once per protocol. */
    private ChatRecord relayChat(Member sender, boolean action, String text, long now) {
        Room room = sender.room();
        ChatRecord r = room.record(now, action, sender.name(), text);
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
                if (!outbox.enqueue(t, v2)) {
                    toRemove.add(t);
                }
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

    /**
     * The ChatMessage body after its dseq, written directly into one exact-size array: the
     * codec's general encoder would allocate a whole datagram buffer for every message. Pinned to
     * {@code V2Codec.encodeReliableTail} by a test.
     */
    static Outgoing chatOutgoing(ChatRecord r) {
        byte[] sender = Utf8.encode(r.sender());
        byte[] text = Utf8.encode(r.text());
        ByteBuffer b = ByteBuffer.wrap(new byte[4 + 8 + 1 + 1 + sender.length + text.length]);
        b.putInt(r.msgId()).putLong(r.timestampMillis()).put((byte) (r.action() ? 1 : 0))
                .put((byte) sender.length).put(sender).put(text);
        return new Outgoing(PacketType.MESSAGE, b.array());
    }

    /** A notice from "*server*" to one v1 member. */
    void noticeV1(Member t, String text) {
        if (t.address() != null && outbox.prepareV1(SERVER_SENDER, Utf8.encode(text))) {
            outbox.sendV1(t.address());
        }
    }

    // ---- timers ------------------------------------------------------------------------

    /** Resends what is due and removes members that stopped acknowledging. */
    void retransmit(long now) {
        if (!outbox.anyInFlight()) {
            return;
        }
        List<Member> gaveUp = outbox.retransmit(now);
        if (!gaveUp.isEmpty()) {
            toRemove.addAll(gaveUp);
        }
        removePending(now, "stopped acknowledging deliveries");
    }

    /** Removes members silent for longer than their protocol's idle timeout. */
    void sweep(long now) {
        long v1 = config.v1IdleTimeout().toMillis();
        long v2 = config.v2IdleTimeout().toMillis();
        for (Room room : registry.rooms()) {
            for (int i = 0; i < room.size(); i++) {
                Member m = room.memberAt(i);
                long limit = m.protocol() == 2 ? v2 : v1;
                if (now - m.lastHeard() > limit) {
                    toRemove.add(m);
                }
            }
        }
        List<Member> idle = new ArrayList<>(toRemove);
        toRemove.clear();
        for (Member m : idle) {
            long limit = m.protocol() == 2 ? v2 : v1;
            membership.end(m, EndReason.TIMED_OUT, "no activity for " + seconds(limit), now);
        }
        registry.expireRevocations(now);
    }

    void flush(long now) {
        outbox.flushAll(now);
    }

    boolean busy() {
        return outbox.anyInFlight();
    }

    private void removePending(long now) {
        removePending(now, "too far behind (backlog full)");
    }

    private void removePending(long now, String why) {
        if (toRemove.isEmpty()) {
            return;
        }
        List<Member> list = new ArrayList<>(toRemove);
        toRemove.clear();
        for (Member m : list) {
            membership.end(m, EndReason.TIMED_OUT, why, now);
        }
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

    static String truncate(String s, int maxBytes) {
        byte[] b = Utf8.encode(s);
        if (b.length <= maxBytes) {
            return s;
        }
        int end = Math.min(s.length(), maxBytes);
        while (end > 0 && Utf8.encode(s.substring(0, end)).length > maxBytes) {
            end--;
        }
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    static String show(InetSocketAddress a) {
        return a.getAddress() == null ? a.toString() : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
