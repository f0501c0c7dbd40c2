package ocm.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import ocm.protocol.reliable.ReceiveWindow;
import ocm.protocol.reliable.SendWindow;
import ocm.protocol.ucrp.v2.DatagramView;
import ocm.protocol.ucrp.v2.Features;
import ocm.protocol.ucrp.v2.PacketType;
import ocm.protocol.ucrp.v2.PacketWriter;
import ocm.protocol.ucrp.v2.V2Codec;

/**
 * UCRP v2 as a real client speaks it (see BRIEF.md): Register until Welcome; chats through a
 * SendWindow, retransmitted until Accepted or acked; every reliable delivery offered to the
 * session's ReceiveWindow, duplicates dropped, and acknowledged with cumulative + mask after each
 * batch; a Ping every 5 s. Packets are read and written in place, without the codec's records,
 * so the bench allocates nothing per message.
 */
final class V2Wire implements Wire {
    private static final long REGISTER_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long PING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MESSAGE_SENDER_LENGTH_AT = 4 + 4 + 8 + 1;

    private final Sender out;
    private final int payloadSize;
    private final Resender resender = new Resender();
    /** This wire's (so this thread's) reader of incoming datagrams. */
    private final DatagramView view = new DatagramView();

    V2Wire(Sender out, int payloadSize) {
        this.out = out;
        this.payloadSize = payloadSize;
    }

    static byte[] prefix(String room, String token) {
        byte[] r = room.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] t = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(V2Codec.headerSize(r.length, t.length));
        V2Codec.writeHeader(b, r, t);
        return b.array();
    }

    @Override
    public void register(BenchMember m, long now) {
        V2State s = m.v2;
        s.registerSentAt = now;
        if (s.nextPingAt == 0) {
            // Spread keepalives over the interval so thousands of members do not ping at once.
            s.nextPingAt = now + (PING_INTERVAL_NANOS / 997) * (m.id % 997);
        }
        PacketWriter.register(out.begin(m), s.session, 0, V2State.FIRST_CHAT_SEQ, Features.NONE);
        out.send(m);
    }

    @Override
    public boolean registered(BenchMember m) {
        return m.v2.welcomed;
    }

    @Override
    public boolean chat(BenchMember m, long now, LoopStats stats) {
        SendWindow<Object> w = m.v2.outbox;
        if (!w.hasRoom()) {
            stats.windowFull++;
            return false;
        }
        int seq = w.add(V2State.MARK, millis(now));
        m.v2.rememberSendTime(seq, now);
        stats.chatSent(now);
        if (!writeChat(m, seq, now)) {
            stats.sendFailed++; // the window resends it
        }
        return true;
    }

    private boolean writeChat(BenchMember m, int seq, long sendNanos) {
        ByteBuffer b = out.begin(m);
        PacketWriter.chatHeader(b, seq, false, payloadSize);
        Payload.write(b, sendNanos, m.id, seq, payloadSize);
        return out.send(m);
    }

    @Override
    public void receive(BenchMember m, ByteBuffer buf, long now, LoopStats stats) {
        if (!view.wrap(buf)) {
            stats.malformed++;
            return;
        }
        boolean reliable = false;
        while (view.nextPacket()) {
            if (view.unknownOptional()) {
                // A newer server's optional packet: skipped, but a numbered one is taken and acked like a delivery.
                if (view.numbered() && offer(m.v2, view.bodyInt(0), stats)) {
                    stats.other++;
                }
                reliable |= view.numbered();
                continue;
            }
            reliable |= packet(m, view.type(), buf, view.bodyOffset(), view.bodyLength(), now, stats);
        }
        m.v2.ackPending |= reliable;
    }

    /** Handles one packet; true when it was a reliable one that needs acknowledging. */
    private boolean packet(BenchMember m, int type, ByteBuffer buf, int body, int len, long now, LoopStats stats) {
        V2State s = m.v2;
        if (type == PacketType.MESSAGE.code()) {
            int senderLen = buf.get(body + MESSAGE_SENDER_LENGTH_AT) & 0xFF;
            int text = body + MESSAGE_SENDER_LENGTH_AT + 1 + senderLen;
            int textLen = body + len - text;
            if (offer(s, buf.getInt(body), stats)) {
                if (textLen > 0 && Payload.matches(buf, text, textLen)) {
                    stats.delivered(Payload.sendNanos(buf, text), now);
                } else {
                    stats.other++;
                }
            }
            return true;
        }
        if (type == PacketType.EVENT.code() || type == PacketType.MEMBERS.code()) {
            if (offer(s, buf.getInt(body), stats)) {
                stats.other++;
            }
            return true;
        }
        if (type == PacketType.WELCOME.code()) {
            if (!s.welcomed && buf.getInt(body) == s.session) {
                s.inbox.reset(buf.getInt(body + 4));
                s.welcomed = true;
            }
        } else if (type == PacketType.ACCEPTED.code()) {
            if (s.outbox != null) {
                s.outbox.ack(buf.getInt(body), millis(now));
            }
            if (buf.getInt(body + 4) == 0) {
                stats.refused++;
            }
        } else if (type == PacketType.ACK.code()) {
            if (s.outbox != null) {
                s.outbox.ack(buf.getInt(body), buf.getLong(body + 4), millis(now));
            }
        } else if (type == PacketType.ENDED.code()) {
            stats.ended++;
        } else if (type == PacketType.ERROR.code()) {
            stats.errors++;
        }
        return false;
    }

    /** Offers a reliable number to the session's window; true when it is new (count it). */
    private static boolean offer(V2State s, int dseq, LoopStats stats) {
        if (!s.welcomed) {
            return false; // not acknowledged, so the server sends it again once we are welcomed
        }
        ReceiveWindow.Offer o = s.inbox.offer(dseq, V2State.MARK);
        if (o == ReceiveWindow.Offer.ACCEPTED) {
            while (s.inbox.poll() != null) {
                // in order now: a real client would show it here
            }
            return true;
        }
        if (o == ReceiveWindow.Offer.DUPLICATE) {
            stats.duplicates++;
        } else {
            stats.tooFar++;
        }
        return false;
    }

    @Override
    public void tick(BenchMember m, long now, LoopStats stats) {
        V2State s = m.v2;
        if (!s.welcomed && s.registerSentAt != 0 && now - s.registerSentAt >= REGISTER_RETRY_NANOS) {
            register(m, now);
        }
        if (s.welcomed && now - s.nextPingAt >= 0) {
            s.nextPingAt = now + PING_INTERVAL_NANOS;
            PacketWriter.ping(out.begin(m), now);
            out.send(m);
        }
    }

    @Override
    public void retransmit(BenchMember m, long now, LoopStats stats) {
        SendWindow<Object> w = m.v2.outbox;
        if (w != null && w.outstanding() > 0) {
            resender.member = m;
            resender.stats = stats;
            w.poll(millis(now), resender);
        }
    }

    @Override
    public void flushAck(BenchMember m, LoopStats stats) {
        V2State s = m.v2;
        if (!s.ackPending) {
            return;
        }
        s.ackPending = false;
        PacketWriter.ack(out.begin(m), s.inbox.cumulative(), s.inbox.mask());
        out.send(m);
        stats.acksSent++;
    }

    @Override
    public boolean settled(BenchMember m) {
        return m.v2.outbox == null || m.v2.outbox.outstanding() == 0;
    }

    @Override
    public void leave(BenchMember m) {
        PacketWriter.leave(out.begin(m));
        out.send(m);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** Resends a chat with its original payload; one instance, pointed at the member being polled. */
    private final class Resender implements SendWindow.Retransmitter<Object> {
        BenchMember member;
        LoopStats stats;

        @Override
        public void resend(int seq, Object item) {
            stats.retransmits++;
            writeChat(member, seq, member.v2.sendTime(seq));
        }

        @Override
        public void giveUp(int seq, Object item) {
            stats.givenUp++;
        }
    }
}
