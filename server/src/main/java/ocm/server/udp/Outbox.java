package ocm.server.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.reliable.SendWindow;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketWriter;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.server.room.DeliveryStream;
import ocm.server.room.Member;
import ocm.server.room.Outgoing;
import ocm.server.stats.Counters;
import ocm.server.stats.DropReason;

/**
 * Everything the relay sends goes through here: v1 bytes encoded once and sent per recipient,
 * and per-member v2 datagrams that bundle what is ready for that member (control packets,
 * retransmissions, new reliable packets). Reuses its buffers; relay thread only.
 */
final class Outbox {
    private static final byte[] NO_TOKEN = new byte[0];
    private static final byte[] ROOM_CLOSED = V1Codec.roomClosed();

    private final DatagramSender channel;
    private final Counters counters;
    private final Clock clock;
    private final ByteBuffer out = ByteBuffer.allocateDirect(Limits.MAX_DATAGRAM);
    /** Holds one v1 encoding at a time: the item a fan-out is delivering, or a one-off notice. */
    private final ByteBuffer v1 = ByteBuffer.allocateDirect(Limits.MAX_DATAGRAM);
    /** Its own buffer, so a __ROOM_CLOSED__ never overwrites a v1 encoding still being sent. */
    private final ByteBuffer roomClosed = ByteBuffer.allocateDirect(ROOM_CLOSED.length);
    private final ArrayList<Member> dirty = new ArrayList<>();
    /** Members with deliveries in flight: the only ones the retransmission timer visits. */
    private final ArrayList<Member> inFlight = new ArrayList<>();
    private final List<Member> gaveUp = new ArrayList<>();
    private final Resender resender = new Resender();

    Outbox(DatagramSender channel, Counters counters, Clock clock) {
        this.channel = channel;
        this.counters = counters;
        this.clock = clock;
    }

    // ---- raw sends ---------------------------------------------------------------------

    private void send(ByteBuffer b, InetSocketAddress to) {
        try {
            int n = channel.send(b, to);
            if (n == 0) {
                counters.drop(DropReason.SEND_FAILED);
            } else {
                counters.datagramsOut++;
                counters.bytesOut += n;
            }
        } catch (IOException e) {
            counters.drop(DropReason.SEND_FAILED);
        }
    }

    /** One v2 packet alone in a datagram, sent at once (Ended, Error, a repeated Welcome). */
    void sendNow(byte[] roomUtf8, InetSocketAddress to, Packet p) {
        out.clear();
        V2Codec.writeHeader(out, roomUtf8, NO_TOKEN);
        if (V2Codec.writePacket(out, p)) {
            out.flip();
            send(out, to);
        }
    }

    void sendRoomClosed(InetSocketAddress to) {
        roomClosed.clear();
        roomClosed.put(ROOM_CLOSED).flip();
        send(roomClosed, to);
    }

    // ---- v1: encode once, send to each -------------------------------------------------

    /** Encodes {@code [sender][text]} into the shared v1 buffer; false if it cannot be encoded. */
    boolean prepareV1(byte[] sender, byte[] text) {
        v1.clear();
        if (!V1Codec.encodeServer(v1, sender, text)) {
            return false;
        }
        v1.flip();
        return true;
    }

    /** Sends what {@link #prepareV1} encoded; counted as a delivery. */
    void sendV1(InetSocketAddress to) {
        v1.rewind();
        send(v1, to);
        counters.deliveries++;
    }

    /** A v1 datagram to one member alone (a notice): encoded and sent at once. */
    void sendV1Once(byte[] sender, byte[] text, InetSocketAddress to) {
        if (prepareV1(sender, text)) {
            sendV1(to);
        }
    }

    // ---- v2: per-member queue, bundled at flush -----------------------------------------

    /** Queues an unreliable packet for the member's next datagram. */
    void control(Member m, Packet p) {
        DeliveryStream s = m.stream();
        if (s == null) {
            return;
        }
        ByteBuffer c = s.control();
        if (!V2Codec.writePacket(c, p)) {
            flush(m, clock.millis());
            V2Codec.writePacket(c, p);
        }
        markDirty(m);
    }

    void accepted(Member m, int seq, int msgId, long ts) {
        PacketWriter.accepted(room(m, 3 + 18), seq, msgId, ts);
    }

    /** Chat {@code seq} was refused: an Accepted with message id 0 and the reason's code. */
    void refused(Member m, int seq, long ts, ErrorCode why) {
        PacketWriter.refused(room(m, 3 + 18), seq, ts, why);
    }

    void ack(Member m, int cumulative, long mask) {
        PacketWriter.ack(room(m, 3 + 12), cumulative, mask);
    }

    void pong(Member m, long nonce, long now) {
        PacketWriter.pong(room(m, 3 + 16), nonce, now);
    }

    /** The member's control buffer with at least {@code n} bytes free (flushing first if needed). */
    private ByteBuffer room(Member m, int n) {
        ByteBuffer c = m.stream().control();
        if (c.remaining() < n) {
            flush(m, clock.millis());
        }
        markDirty(m);
        return c;
    }

    /** Queues a reliable packet; false when the member's backlog is full. */
    boolean enqueue(Member m, Outgoing item) {
        DeliveryStream s = m.stream();
        if (!s.enqueue(item)) {
            counters.drop(DropReason.BACKLOG_FULL);
            return false;
        }
        markDirty(m);
        return true;
    }

    void markDirty(Member m) {
        DeliveryStream s = m.stream();
        if (s != null && !s.dirty()) {
            s.dirty(true);
            dirty.add(m);
        }
    }

    /** Sends what is ready for every member touched since the last flush. */
    void flushAll(long now) {
        for (int i = 0; i < dirty.size(); i++) {
            Member m = dirty.get(i);
            DeliveryStream s = m.stream();
            if (s != null) {
                s.dirty(false);
                if (!m.gone()) {
                    flush(m, now);
                }
            }
        }
        dirty.clear();
    }

    /** Writes the member's control packets, due resends and new packets, as few datagrams as they fit. */
    void flush(Member m, long now) {
        DeliveryStream s = m.stream();
        InetSocketAddress to = m.address();
        if (s == null || to == null) {
            return;
        }
        byte[] roomUtf8 = m.room().nameUtf8();
        startDatagram(roomUtf8);
        int headerEnd = out.position();
        ByteBuffer c = s.control();
        if (c.position() > 0) {
            c.flip();
            out.put(c);
            c.clear();
        }
        SendWindow<Outgoing> w = s.window();
        for (int i = 0; i < s.resendCount(); i++) {
            int dseq = s.resendAt(i);
            Outgoing o = w.get(dseq);
            if (o != null) {
                headerEnd = fit(o, to, roomUtf8, headerEnd);
                V2Codec.writeReliable(out, o.type(), dseq, o.tail());
            }
        }
        s.clearResends();
        while (!s.backlog().isEmpty() && s.windowHasRoom()) {
            Outgoing o = s.backlog().peekFirst();
            headerEnd = fit(o, to, roomUtf8, headerEnd);
            int dseq = w.add(o, now);
            V2Codec.writeReliable(out, o.type(), dseq, o.tail());
            s.pollBacklog();
            counters.deliveries++;
        }
        if (out.position() > headerEnd) {
            out.flip();
            send(out, to);
        }
        if (w.outstanding() > 0 && s.timerIndex() < 0) {
            s.timerIndex(inFlight.size());
            inFlight.add(m);
        }
    }

    /** Sends the datagram being built if {@code o} does not fit in it; returns the header end. */
    private int fit(Outgoing o, InetSocketAddress to, byte[] roomUtf8, int headerEnd) {
        if (out.remaining() < V2Codec.PACKET_HEADER + 4 + o.tail().length) {
            if (out.position() > headerEnd) {
                out.flip();
                send(out, to);
            }
            startDatagram(roomUtf8);
            return out.position();
        }
        return headerEnd;
    }

    private void startDatagram(byte[] roomUtf8) {
        out.clear();
        V2Codec.writeHeader(out, roomUtf8, NO_TOKEN);
    }

    // ---- retransmission timer ----------------------------------------------------------

    boolean anyInFlight() {
        return !inFlight.isEmpty();
    }

    /**
     * Polls the send windows of members with deliveries in flight; members that have given up
     * are returned for removal. Cost grows with busy members, never with idle ones.
     */
    List<Member> retransmit(long now) {
        gaveUp.clear();
        for (int i = 0; i < inFlight.size(); ) {
            Member m = inFlight.get(i);
            DeliveryStream s = m.stream();
            if (s == null || m.gone() || s.window().outstanding() == 0) {
                untrackAt(i, s);
                continue;
            }
            resender.member = m;
            s.window().poll(now, resender);
            if (resender.gaveUp) {
                resender.gaveUp = false;
                gaveUp.add(m);
            } else if (s.resendCount() > 0) {
                markDirty(m);
            }
            i++;
        }
        return gaveUp;
    }

    /** Forgets a member's stream bookkeeping (it left, or starts a new session). */
    void detach(Member m) {
        DeliveryStream s = m.stream();
        if (s != null && s.timerIndex() >= 0) {
            int i = s.timerIndex();
            if (i < inFlight.size() && inFlight.get(i) == m) {
                untrackAt(i, s);
            }
        }
    }

    private void untrackAt(int i, DeliveryStream s) {
        int last = inFlight.size() - 1;
        Member moved = inFlight.get(last);
        inFlight.set(i, moved);
        inFlight.remove(last);
        if (moved.stream() != null && i != last) {
            moved.stream().timerIndex(i);
        }
        if (s != null) {
            s.timerIndex(-1);
        }
    }

    /** The SendWindow callback, one instance reused so polling allocates nothing. */
    private final class Resender implements SendWindow.Retransmitter<Outgoing> {
        Member member;
        boolean gaveUp;

        @Override
        public void resend(int seq, Outgoing item) {
            member.stream().addResend(seq);
            counters.retransmissions++;
        }

        @Override
        public void giveUp(int seq, Outgoing item) {
            gaveUp = true;
        }
    }
}
