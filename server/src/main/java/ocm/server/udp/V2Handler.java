package ocm.server.udp;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.Utf8;
import ocm.protocol.reliable.ReceiveWindow;
import ocm.protocol.ucrp.v2.DatagramView;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Features;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketType;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;
import ocm.server.config.Addresses;
import ocm.server.config.ServerConfig;
import ocm.server.room.ChatRecord;
import ocm.server.room.DeliveryStream;
import ocm.server.room.Member;
import ocm.server.room.Reasons;
import ocm.server.room.Revocations;
import ocm.server.room.Room;
import ocm.server.room.RoomException;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.TokenBucket;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import ocm.server.stats.DropReason;

/**
 * What a UCRP v2 datagram means: register (sessions), chats into the member's receive window,
 * acks of its delivery stream, pings, leave, and the host's kick and close. Relay thread only.
 */
final class V2Handler {
    private static final Logger LOG = Logger.getLogger("ocm.server.relay");
    /**
     * New sessions a member may start at once, and how fast that comes back: each replays the
     * member list and up to 100 messages of history, so without a limit one member re-registering
     * with ever-new session ids gets thousands of times the bytes it sends.
     */
    static final int NEW_SESSION_BURST = 3;
    static final double NEW_SESSIONS_PER_SECOND = 0.1;
    /**
     * An Ack proves the client saw a Welcome when its cumulative is within this many of the
     * session's firstDseq - 1 (window plus backlog): a random 32-bit number a spoofer never saw.
     */
    static final int PROOF_RANGE = 4096;

    private final ServerConfig config;
    private final RoomRegistry registry;
    private final Tokens tokens;
    private final Counters counters;
    private final Outbox outbox;
    private final RoomService rooms;
    /** What this datagram was already answered with (ANSWERED_*): one Pong and one Error per datagram at most. */
    private int answered;
    private static final int ANSWERED_PONG = 1;
    private static final int ANSWERED_ERROR = 2;
    /** Reused by the fast path on the relay thread. */
    private final DatagramView view = new DatagramView();

    V2Handler(ServerConfig config, RoomRegistry registry, Tokens tokens, Counters counters, Outbox outbox,
              RoomService rooms) {
        this.config = config;
        this.registry = registry;
        this.tokens = tokens;
        this.counters = counters;
        this.outbox = outbox;
        this.rooms = rooms;
    }

    /**
     * The allocation-free path for the most common v2 datagram, acks (and pings) from a member
     * with a live session at its registered address: read in place, no decoding into records.
     * Returns false, touching nothing, for anything else; the full decoder then handles it.
     */
    boolean acksAndPings(ByteBuffer in, InetSocketAddress from, long now) {
        if (!view.wrap(in) || !onlyAcksAndPings()) {
            return false;
        }
        Member m = registry.byTokenBytes(in, view.tokenOffset(), view.tokenLength());
        if (m == null || m.stream() == null || m.stream().owesHistory() || !from.equals(m.address())
                || !sameBytes(in, view.roomOffset(), m.room().nameUtf8())) {
            return false;
        }
        m.heard(now);
        DeliveryStream s = m.stream();
        boolean ponged = false;
        view.rewind();
        while (view.nextPacket()) {
            if (view.type() == PacketType.ACK.code()) {
                s.window().ack(view.bodyInt(0), view.bodyLong(4), now);
                if (!s.backlog().isEmpty()) {
                    outbox.markDirty(m);
                }
            } else if (!ponged) {
                // One Pong per datagram: a bundle of pings must not multiply the answer.
                outbox.pong(m, view.bodyLong(0), now);
                ponged = true;
            }
        }
        return true;
    }

    /** True when every packet of the wrapped datagram is a well-sized Ack or Ping. */
    private boolean onlyAcksAndPings() {
        while (view.nextPacket()) {
            boolean ack = view.type() == PacketType.ACK.code() && view.bodyLength() == 12;
            boolean ping = view.type() == PacketType.PING.code() && view.bodyLength() == 8;
            if (!ack && !ping) {
                return false;
            }
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

    void onDatagram(V2Datagram d, InetSocketAddress from, int length, long now) {
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
        answered = 0;
        for (Packet p : d.packets()) {
            if (m.gone()) {
                return;
            }
            if (p.type() == PacketType.REGISTER) {
                registerV2(m, (Packet.Register) p, from, length, now);
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
            ReceiveWindow<Packet> w = m.stream().chats();
            outbox.ack(m, w.cumulative(), w.mask());
        }
    }

    /** Returns true when the packet calls for an Ack of the chat stream. */
    private boolean onV2Packet(Member m, Packet p, long now) {
        switch (p.type()) {
            case CHAT:
                if (m.stream().owesHistory()) {
                    // Not yet proven to receive at this address: no chat is taken (nor answered)
                    // until an Ack shows the Welcome arrived; the client sends it again.
                    counters.drop(DropReason.NOT_REGISTERED);
                    return false;
                }
                onChat(m, ((Packet.Chat) p).seq(), p, now);
                return true;
            case SKIPPED: {
                // A newer client's optional packet: an unnumbered one is ignored; a numbered one
                // takes its place in the chat stream and is acknowledged, so nothing waits for it.
                Packet.Skipped k = (Packet.Skipped) p;
                if (k.numbered()) {
                    onChat(m, k.number(), p, now);
                }
                return k.numbered();
            }
            case ACK: {
                Packet.Ack a = (Packet.Ack) p;
                DeliveryStream s = m.stream();
                if (s.owesHistory() && a.cumulative() - (s.firstDseq() - 1) >= 0
                        && a.cumulative() - (s.firstDseq() - 1) < PROOF_RANGE) {
                    if (!sendHistory(m, s.takeOwedHistory(), now)) {
                        return false;
                    }
                }
                s.window().ack(a.cumulative(), a.mask(), now);
                if (!s.backlog().isEmpty()) {
                    outbox.markDirty(m);
                }
                return false;
            }
            case PING:
                if ((answered & ANSWERED_PONG) == 0) {
                    outbox.pong(m, ((Packet.Ping) p).nonce(), now);
                    answered |= ANSWERED_PONG;
                }
                return false;
            case LEAVE:
                rooms.end(m, EndReason.LEFT, "", now);
                return false;
            case KICK:
                hostRequest(m, () -> rooms.kickByHost(m, ((Packet.Kick) p).target(), ((Packet.Kick) p).reason(), now));
                return false;
            case CLOSE:
                hostRequest(m, () -> rooms.closeByHost(m, ((Packet.Close) p).reason(), now));
                return false;
            default:
                counters.drop(DropReason.GARBAGE);
                return false;
        }
    }

    /** A host's request the room service may refuse: the refusal goes back to the asker as an Error. */
    private interface HostRequest {
        void run() throws RoomException;
    }

    private void hostRequest(Member m, HostRequest request) {
        try {
            request.run();
        } catch (RoomException e) {
            if (firstError()) {
                outbox.control(m, new Packet.Error(e.code(), e.getMessage()));
            }
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
        outbox.sendNow(room, from, new Packet.Ended(r.reason(), Reasons.truncate(r.message(), budget)));
    }

    private void registerV2(Member m, Packet.Register reg, InetSocketAddress from, int length, long now) {
        if (!SourceIp.allowed(m, from)) {
            counters.drop(DropReason.WRONG_IP);
            return;
        }
        DeliveryStream old = m.stream();
        Room room = m.room();
        if (old != null && old.session() == reg.session()) {
            // Only the Welcome: chats it re-sends after it are each accepted again on their own.
            outbox.sendNow(room.nameUtf8(), from, welcome(reg, old.firstDseq(), old.welcomeTime()));
            return;
        }
        if (m.newSessions() == null) {
            m.newSessions(new TokenBucket(NEW_SESSIONS_PER_SECOND, NEW_SESSION_BURST, now));
        }
        if (!m.newSessions().tryTake(now)) {
            refuseSession(m, from, length);
            return;
        }
        m.link().unlinked();
        boolean wasV2 = m.protocol() == 2;
        boolean moved = m.address() != null && !from.equals(m.address());
        // An address is proven once an Ack from it showed a Welcome; until then, so is its next register.
        boolean unproven = moved || (old != null && old.owesHistory());
        int chatStart = chatStart(m.chatNext(), reg.nextSeq());
        DeliveryStream s = new DeliveryStream(reg.session(), tokens.nextInt(), chatStart, now, config.maxBacklog());
        m.address(from);
        m.protocol(2);
        m.stream(s);
        if (!(m.link() instanceof V2Link)) {
            m.link(new V2Link(m, outbox));
        }
        m.heard(now);
        outbox.control(m, welcome(reg, s.firstDseq(), now));
        if (!unproven) {
            // Before the history, so the client knows its own lines in it (an unproven address gets
            // each Accepted only in answer to a re-sent chat: no amplification).
            acceptAgain(m, reg.nextSeq(), chatStart);
        }
        if (!rooms.sendMembers(m, now)) {
            return;
        }
        if (unproven) {
            // Maybe not the member at all but a forged source address: the history waits until
            // an Ack from there shows the Welcome (its random firstDseq) was received.
            s.oweHistory(reg.since());
        } else if (!sendHistory(m, reg.since(), now)) {
            return;
        }
        LOG.info(() -> m.name() + (old == null ? " registered" : " started a new session") + " in '" + room.name()
                + "' from " + Addresses.show(from) + " (v2)");
        if (!wasV2) {
            rooms.broadcastMembers(room, now);
        } else if (moved) {
            rooms.announce(room, EventKind.RECONNECTED, m.name(), "", null, m, now);
        }
    }

    /**
     * The Welcome for a Register: the features both sides know, and this member's chat rate and
     * burst so the client can pace its chats instead of having them refused.
     */
    private Packet.Welcome welcome(Packet.Register reg, int firstDseq, long time) {
        return new Packet.Welcome(reg.session(), firstDseq, time, Features.agreed(reg.features(), Features.KNOWN),
                Packet.Welcome.rateMilli(config.messagesPerSecond()), config.burst());
    }

    /**
     * Queues the history after {@code since}: a fresh backlog takes maxBacklog items (and
     * MAX_BACKLOG_BYTES), the member list first, then the newest history that fits half of that. False if the member was removed meanwhile.
     */
    private boolean sendHistory(Member m, int since, long now) {
        return rooms.sendHistory(m, since, config.maxBacklog() - 1, now);
    }

    /**
     * Too many new sessions: a short Error, only to the member's current address and never
     * larger than the Register that asked (so it reflects nothing); else nothing.
     */
    private void refuseSession(Member m, InetSocketAddress from, int length) {
        counters.drop(DropReason.RATE_LIMITED);
        byte[] room = m.room().nameUtf8();
        String text = Reasons.truncate("too many new sessions; wait a few seconds and register again",
                length - V2Codec.headerSize(room.length, 0) - V2Codec.PACKET_HEADER - 3);
        if (from.equals(m.address()) && !text.isEmpty()) {
            outbox.sendNow(room, from, new Packet.Error(ErrorCode.RATE_LIMITED, text));
        }
    }

    /** True once per datagram: a bundle of refused host requests gets one Error, not one each. */
    private boolean firstError() {
        boolean first = (answered & ANSWERED_ERROR) == 0;
        answered |= ANSWERED_ERROR;
        return first;
    }

    /** A packet of the client's chat stream: a Chat, or a Skipped packet of a numbered optional type. */
    private void onChat(Member m, int seq, Packet chat, long now) {
        DeliveryStream w = m.stream();
        ReceiveWindow.Offer offer = w.offerChat(seq, chat);
        if (offer == ReceiveWindow.Offer.DUPLICATE) {
            counters.drop(DropReason.DUPLICATE);
            acceptAgain(m, seq);
            return;
        }
        if (offer == ReceiveWindow.Offer.TOO_FAR) {
            counters.drop(DropReason.TOO_FAR_AHEAD);
            return;
        }
        Packet c;
        while ((c = w.pollChat()) != null && !m.gone()) {
            if (c instanceof Packet.Chat taken) {
                processChat(m, taken, now);
            }
        }
    }

    private void processChat(Member m, Packet.Chat c, long now) {
        // The reason travels in the Accepted itself; the client words it (it knows the rate from the Welcome).
        if (!m.bucket().tryTake(now)) {
            counters.drop(DropReason.RATE_LIMITED);
            outbox.refused(m, c.seq(), now, ErrorCode.RATE_LIMITED);
            return;
        }
        if (c.text().isEmpty()) {
            outbox.refused(m, c.seq(), now, ErrorCode.BAD_REQUEST);
            return;
        }
        ChatRecord r = rooms.chat(m, c.action(), c.text(), Integer.toUnsignedLong(c.seq()), now);
        if (r != null) { // else numbered by the cluster: V2Link.ownChatNumbered sends the Accepted
            outbox.accepted(m, c.seq(), r.msgId(), r.timestampMillis());
        }
    }


    /**
     * Where a new session's chat window starts: at the client's {@code nextSeq}, unless the member's
     * earlier sessions (or the state file) show chats from there on were already processed, because
     * their Accepted and Ack were lost (often to a server restart). Those are then duplicates: never
     * relayed twice. A {@code nextSeq} further back than a window, or ahead, is the client's word.
     */
    static int chatStart(long chatNext, int nextSeq) {
        if (chatNext == Member.NO_CHAT_NEXT) {
            return nextSeq;
        }
        int known = (int) chatNext;
        int behind = known - nextSeq;
        return behind > 0 && behind <= DeliveryStream.CHAT_WINDOW ? known : nextSeq;
    }

    /**
     * Accepted again for the chats {@code from} up to {@code until} (exclusive, at most a chat
     * window) that history still holds, then an Ack of the chat stream for the rest.
     */
    private void acceptAgain(Member m, int from, int until) {
        int n = until - from;
        if (n <= 0 || n > DeliveryStream.CHAT_WINDOW) {
            return;
        }
        for (ChatRecord r : m.room().chatsFrom(m.name(), from, n)) {
            outbox.accepted(m, (int) r.senderSeq(), r.msgId(), r.timestampMillis());
        }
        // Also covers the processed chats history no longer holds (refused ones, or cut off).
        ReceiveWindow<Packet> w = m.stream().chats();
        outbox.ack(m, w.cumulative(), w.mask());
    }

    /** A re-sent chat that was relayed already: its Accepted again, so the client learns its message id. */
    private void acceptAgain(Member m, int seq) {
        for (ChatRecord r : m.room().chatsFrom(m.name(), seq, 1)) {
            outbox.accepted(m, seq, r.msgId(), r.timestampMillis());
        }
    }
}
