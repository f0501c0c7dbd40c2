package ocm.client.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import ocm.client.net.NetEvent.LinkState;
import ocm.protocol.reliable.ReceiveWindow;
import ocm.protocol.ErrorCode;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.Features;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Datagram;

/**
 * One room membership over UCRP v2: registers (and re-registers after a server restart), sends
 * chats reliably, takes the server's delivery stream in order and once, pings. Not thread-safe:
 * the client's single network thread owns it; times are passed in from one clock.
 */
final class RoomSession {
    /** Where this session's datagrams go. */
    interface Outbound {
        void send(V2Datagram datagram);
    }

    static final long PING_INTERVAL_MILLIS = 5_000;
    /** Silent this long after a ping was due: pings go every {@link #QUICK_PING_MILLIS} to tell a lost one from a gone server. */
    static final long QUICK_PINGS_AFTER_MILLIS = PING_INTERVAL_MILLIS + 1_000;
    static final long QUICK_PING_MILLIS = 1_000;
    /** Nothing heard for this long (a ping and two quick ones unanswered): the status says no answer, the room says so. */
    static final long NO_ANSWER_AFTER_MILLIS = 8_000;
    /** While the server does not answer: how often the room list (TCP) is asked whether the room still exists. */
    static final long ROOM_CHECK_MILLIS = 5_000;
    /** The room was listed this many checks in a row while the chat port stayed silent: say it may have lost us. */
    static final int LISTED_BUT_SILENT_CHECKS = 3;
    /** Lines queued longer than this at the server's rate: the room says how long they take. */
    static final long LONG_QUEUE_MILLIS = 60_000;
    /** A /leave waits for the queued lines; it gives them up when none was acknowledged for this long. */
    static final long LEAVE_DRAIN_STALL_MILLIS = 30_000;
    static final long REGISTER_RTO_START_MILLIS = 500;
    static final long REGISTER_RTO_MAX_MILLIS = 4_000;
    static final long LEAVE_RETRY_MILLIS = 400;
    static final int LEAVE_TRIES = 4;
    /** Registering longer than this gets a line in the room (a wrong UDP port, a firewall). */
    static final long SLOW_REGISTER_MILLIS = 5_000;
    /** While the server is stopped: how often a ping asks whether it is back (its answer starts the re-register). */
    static final long STOPPED_PROBE_MILLIS = 2_000;
    private static final int RECEIVE_CAPACITY = 512;

    /** SERVER_STOPPED: the server said it is shutting down; chats wait, pings probe for its return. */
    private enum Phase { REGISTERING, LIVE, SERVER_STOPPED, LEAVING, ENDED }

    private final String room;
    private final int udpPort;
    private final String token;
    private final Outbound out;
    private final Consumer<NetEvent> events;
    private final Random random;
    private final OutgoingChats chats;
    /** The server's delivery stream: reliable packets, and numbered packets of optional types this client skips. */
    private final ReceiveWindow<Packet> deliveries = new ReceiveWindow<>(RECEIVE_CAPACITY, 0);

    private Phase phase = Phase.REGISTERING;
    private boolean reconnecting;
    private int session;
    private long registerDue;
    private long registerRto;
    private long registerStarted;
    private boolean slowSaid;
    /** The current session's first delivery number, as its Welcome gave it. */
    private int firstDseq;
    /**
     * LIVE, but a NOT_REGISTERED came: this session's Register is out again to learn whether the
     * server lost the session (a restart) or the error answered a packet sent before the server
     * had it. The Welcome tells: a new firstDseq, or the same one.
     */
    private boolean confirming;
    private int lastMsgId;
    /** Welcome's server time: messages stamped no later, right after it, are the history of the register. */
    private long historyUpTo;
    private boolean historyBurst;
    private long lastHeard;
    private long nextPingAt;
    private long rtt = -1;
    private int leaveTries;
    private long leaveDue;
    private long stoppedAt;
    private long nextProbeAt;
    /** LIVE but nothing heard for {@link #NO_ANSWER_AFTER_MILLIS}: said in the room, undone when the server answers. */
    private boolean silentSaid;
    private long nextRoomCheckAt;
    private int listedButSilent;
    private boolean tcpDownSaid;
    private boolean longQueueSaid;
    /** A /leave is waiting for the queued lines to be acknowledged. */
    private boolean draining;
    private long drainProgressAt;
    private int drainWaiting;
    private NetEvent.Status lastStatus;
    /** The member's chat rate limit as the last Welcome gave it (chats per second), to word a refusal. */
    private double ratePerSecond;

    RoomSession(String room, String token, Outbound out, Consumer<NetEvent> events, Random random) {
        this(room, token, out, events, random, 0);
    }

    /** {@code udpPort}: the server's chat port, named when it does not answer (0: not known). */
    RoomSession(String room, String token, Outbound out, Consumer<NetEvent> events, Random random, int udpPort) {
        this.udpPort = udpPort;
        this.room = room;
        this.token = token;
        this.out = out;
        this.events = events;
        this.random = random;
        this.chats = new OutgoingChats(room, events, random);
    }

    String room() {
        return room;
    }

    boolean ended() {
        return phase == Phase.ENDED;
    }

    /** Sends the first Register. */
    void start(long now) {
        lastHeard = now;
        newSession(now);
    }

    /** Queues a line; it is sent, in the order typed, as the server's limit allows, and never given up while in the room. */
    void chat(long localId, boolean action, String text, long now) {
        if (phase == Phase.ENDED || phase == Phase.LEAVING || draining) {
            events.accept(new NetEvent.NotDelivered(room, localId, "you are no longer in this room"));
            return;
        }
        chats.add(localId, action, text);
        pump(now);
        status(now);
    }

    /**
     * Leaves once every queued line is acknowledged (so lines typed before /leave reach the room);
     * lines that make no progress for {@link #LEAVE_DRAIN_STALL_MILLIS} are given up then.
     */
    void leave(long now) {
        if (phase == Phase.ENDED || phase == Phase.LEAVING || draining) {
            return;
        }
        if (chats.waiting() > 0 && phase != Phase.SERVER_STOPPED) {
            draining = true;
            drainProgressAt = now;
            drainWaiting = chats.waiting();
            return;
        }
        leaveNow(now);
    }

    /** Leaves at once: what is still queued is not delivered (the client is quitting). */
    void leaveNow(long now) {
        if (phase == Phase.ENDED || phase == Phase.LEAVING) {
            return;
        }
        draining = false;
        chats.failAll("you left before the server took it");
        phase = Phase.LEAVING;
        leaveTries = 1;
        leaveDue = now + LEAVE_RETRY_MILLIS;
        send(new Packet.Leave());
    }

    /**
     * True when the server has not answered for a while and the room list (over TCP) should say
     * whether it is there at all and still has this room: a server that lost the room answers its
     * tokens with silence, never an error (no amplification).
     */
    boolean roomCheckDue(long now) {
        boolean unsure = (phase == Phase.LIVE && now - lastHeard > NO_ANSWER_AFTER_MILLIS)
                || phase == Phase.SERVER_STOPPED
                || (phase == Phase.REGISTERING && now - registerStarted >= SLOW_REGISTER_MILLIS);
        return unsure && now >= nextRoomCheckAt;
    }

    /** A room check is on its way; the next is not due before {@link #ROOM_CHECK_MILLIS}. */
    void roomCheckSent(long now) {
        nextRoomCheckAt = now + ROOM_CHECK_MILLIS;
    }

    /**
     * The server's room list came: {@code listed} if this room is in it; {@code complete} when the
     * list left no room out (so a missing room is really gone).
     */
    void roomListed(boolean listed, boolean complete, long now) {
        if (phase == Phase.ENDED || phase == Phase.LEAVING) {
            return;
        }
        tcpDownSaid = false;
        if (!listed && complete) {
            end(Optional.empty(), room + " no longer exists on the server", "the room no longer exists on the server");
            return;
        }
        if (listed && ++listedButSilent == LISTED_BUT_SILENT_CHECKS) {
            notice("the server is up and lists " + room + ", but does not answer for you here: it may have lost this "
                    + "membership; what you type waits (/leave and /join again to start over)");
        }
    }

    /** The room list could not be had: the server is not reachable over TCP either. */
    void roomCheckFailed(String why, long now) {
        if (!tcpDownSaid && phase != Phase.ENDED && phase != Phase.LEAVING) {
            tcpDownSaid = true;
            notice("cannot check with the server either (" + why + "); what you type waits and is sent when it is back");
        }
    }

    void kick(String target, String reason) {
        if (phase == Phase.LIVE) {
            send(new Packet.Kick(target, reason));
        } else {
            notice("cannot kick now: " + stateWords());
        }
    }

    void close(String reason) {
        if (phase == Phase.LIVE) {
            send(new Packet.Close(reason));
        } else {
            notice("cannot close now: " + stateWords());
        }
    }

    /** Retransmissions, keepalives and the liveness check; called often by the network thread. */
    void tick(long now) {
        switch (phase) {
            case REGISTERING:
                if (!slowSaid && now - registerStarted >= SLOW_REGISTER_MILLIS) {
                    slowSaid = true;
                    notice(reconnecting
                            ? "the server does not take this membership back yet; still trying (if it lost its state, /leave and /join again)"
                            : udpPort > 0 ? "no answer yet from the server's chat port, UDP " + udpPort + "; still trying"
                                    + " (if that port is wrong, start again with --udp-port PORT, or set it on the connect screen)"
                            : "no answer yet from the server's chat (UDP) port; still trying");
                }
                if (now >= registerDue) {
                    registerRto = Math.min(REGISTER_RTO_MAX_MILLIS, registerRto * 2);
                    sendRegister(now);
                }
                break;
            case LIVE:
                if (confirming && now >= registerDue) {
                    registerRto = Math.min(REGISTER_RTO_MAX_MILLIS, registerRto * 2);
                    sendRegister(now);
                }
                chats.poll(now, this::send);
                pump(now);
                keepalive(now);
                break;
            case SERVER_STOPPED:
                if (now >= nextProbeAt) {
                    nextProbeAt = now + STOPPED_PROBE_MILLIS;
                    send(new Packet.Ping(now));
                }
                break;
            case LEAVING:
                if (now >= leaveDue) {
                    if (leaveTries >= LEAVE_TRIES) {
                        end(Optional.of(EndReason.LEFT), "the server did not confirm");
                    } else {
                        leaveTries++;
                        leaveDue = now + LEAVE_RETRY_MILLIS;
                        send(new Packet.Leave());
                    }
                }
                break;
            default:
                break;
        }
        drainOrLeave(now);
        status(now);
    }

    /** Pings every {@link #PING_INTERVAL_MILLIS}, quicker once one went unanswered; says so when the server is silent. */
    private void keepalive(long now) {
        long silence = now - lastHeard;
        long interval = silence > QUICK_PINGS_AFTER_MILLIS ? QUICK_PING_MILLIS : PING_INTERVAL_MILLIS;
        if (now >= nextPingAt || now - (nextPingAt - PING_INTERVAL_MILLIS) >= interval) {
            nextPingAt = now + PING_INTERVAL_MILLIS;
            send(new Packet.Ping(now));
        }
        if (silence > NO_ANSWER_AFTER_MILLIS && !silentSaid) {
            silentSaid = true;
            notice("no answer from the server for " + silence / 1000 + " s; what you type waits and is sent when it answers");
        }
    }

    /** Queued lines go while the session is live, within the server's limit; a long queue says how long. */
    private void pump(long now) {
        if (phase != Phase.LIVE || confirming) {
            return;
        }
        chats.pump(now, this::send);
        if (chats.queued() == 0) {
            longQueueSaid = false;
        } else if (!longQueueSaid && chats.queueMillis() > LONG_QUEUE_MILLIS) {
            longQueueSaid = true;
            notice(chats.queued() + " lines wait to be sent: at the server's limit of " + perSecondWords(ratePerSecond)
                    + " a second that takes about " + minutes(chats.queueMillis()) + "; they all go, in order");
        }
    }

    private static String minutes(long millis) {
        long m = Math.round(millis / 60_000.0);
        return m <= 1 ? "a minute" : m + " minutes";
    }

    /** A /leave waiting for its lines: leave once they are all acknowledged, or once they stopped moving. */
    private void drainOrLeave(long now) {
        if (!draining) {
            return;
        }
        int waiting = chats.waiting();
        if (waiting < drainWaiting) {
            drainWaiting = waiting;
            drainProgressAt = now;
        }
        if (waiting == 0 || now - drainProgressAt >= LEAVE_DRAIN_STALL_MILLIS) {
            leaveNow(now);
        }
    }

    /** Handles one datagram from the server for this room. */
    void receive(V2Datagram d, long now) {
        if (phase == Phase.ENDED) {
            return;
        }
        heard(now);
        boolean reliableSeen = false;
        List<Packet.Ack> acks = new ArrayList<>(1);
        for (Packet p : d.packets()) {
            switch (p.type()) {
                case WELCOME:
                    onWelcome((Packet.Welcome) p, now);
                    break;
                case MESSAGE:
                case EVENT:
                case MEMBERS:
                    if (takesDeliveries()) {
                        deliveries.offer(((Packet.Reliable) p).dseq(), p);
                        reliableSeen = true;
                    }
                    break;
                case SKIPPED: {
                    // A newer server's optional packet: skipped, but a numbered one holds a place in the
                    // delivery stream, so it is taken (and acknowledged) like the others.
                    Packet.Skipped k = (Packet.Skipped) p;
                    if (k.numbered() && takesDeliveries()) {
                        deliveries.offer(k.number(), p);
                        reliableSeen = true;
                    }
                    break;
                }
                case ACCEPTED: {
                    Packet.Accepted a = (Packet.Accepted) p;
                    Long refusedId = chats.accepted(a, now);
                    if (refusedId != null) {
                        events.accept(new NetEvent.NotDelivered(room, refusedId, refusalWords(a.refusal().orElseThrow())));
                    }
                    break;
                }
                case ACK:
                    acks.add((Packet.Ack) p);
                    break;
                case PONG:
                    onPong((Packet.Pong) p, now);
                    break;
                case ENDED: {
                    Packet.Ended e = (Packet.Ended) p;
                    chats.datagramDone();
                    end(Optional.of(e.reason()), e.message());
                    return;
                }
                case ERROR: {
                    onError((Packet.Error) p, now);
                    break;
                }
                default:
                    break; // client-to-server types: not ours to handle
            }
        }
        chats.datagramDone();
        acks.forEach(a -> chats.acked(a, now));
        if (reliableSeen) {
            for (Packet r = deliveries.poll(); r != null; r = deliveries.poll()) {
                deliver(r);
            }
            send(new Packet.Ack(deliveries.cumulative(), deliveries.mask()));
        }
        pump(now);
        drainOrLeave(now);
        status(now);
    }

    /** Anything from the server: it is there. */
    private void heard(long now) {
        lastHeard = now;
        listedButSilent = 0;
        nextRoomCheckAt = 0;
        if (silentSaid) {
            silentSaid = false;
            if (phase == Phase.LIVE) {
                notice("the server answers again");
            }
        }
    }

    /**
     * Not while confirming: deliveries may be numbered by a session the server made anew, which
     * only its Welcome tells; an Ack from the old numbering would be wrong.
     */
    private boolean takesDeliveries() {
        return (phase == Phase.LIVE && !confirming) || phase == Phase.SERVER_STOPPED || phase == Phase.LEAVING;
    }

    /** What a refused chat's "not delivered" line says, from the code in its Accepted. */
    private String refusalWords(ErrorCode why) {
        switch (why) {
            case RATE_LIMITED:
                return "slow down: at most " + perSecondWords(ratePerSecond) + " messages per second";
            case BAD_REQUEST:
                return "the server refused it as malformed (an empty message?)";
            case TOO_LONG:
                return "too long for the server";
            default:
                return "refused by the server (" + why.name().toLowerCase().replace('_', ' ') + ")";
        }
    }

    private void onWelcome(Packet.Welcome w, long now) {
        if (w.session() != session) {
            return; // another session's
        }
        ratePerSecond = w.ratePerSecond();
        chats.limits(w, now);
        if (phase == Phase.LIVE && confirming) {
            confirming = false;
            if (w.firstDseq() == firstDseq) {
                return; // the server still has this session: the NOT_REGISTERED was an old answer
            }
            // The server had lost it and made it anew: start over from this Welcome.
            notice("the server had lost this session (restarted?); registered again, back in the room");
        } else if (phase != Phase.REGISTERING) {
            return; // a repeat of ours
        }
        phase = Phase.LIVE;
        firstDseq = w.firstDseq();
        nextPingAt = now; // a first ping at once, so the status line shows a round-trip time from the start
        deliveries.reset(w.firstDseq());
        historyUpTo = w.serverTimeMillis();
        historyBurst = true;
        chats.resendAll(now, this::send);
        if (reconnecting) {
            reconnecting = false;
            notice("registered again with the server; back in the room");
        }
    }

    private void onPong(Packet.Pong p, long now) {
        if (p.nonce() <= now && now - p.nonce() < 60_000) {
            rtt = now - p.nonce();
        }
        if (phase == Phase.SERVER_STOPPED && p.nonce() > stoppedAt) {
            // A probe sent after the stop was answered by a server that still has this session: it never went away.
            phase = Phase.LIVE;
            notice("the server is answering again; back in the room");
            chats.resendAll(now, this::send);
        }
    }

    private void onError(Packet.Error e, long now) {
        switch (e.code()) {
            case NOT_REGISTERED:
                if (phase == Phase.SERVER_STOPPED) {
                    reconnecting = true;
                    notice("the server is back; registering again");
                    newSession(now);
                } else if (phase == Phase.LIVE && !confirming) {
                    confirming = true;
                    registerRto = REGISTER_RTO_START_MILLIS;
                    sendRegister(now);
                }
                break;
            case UNKNOWN_TOKEN:
                end(Optional.empty(), "the server no longer knows this membership");
                break;
            case SERVER_SHUTTING_DOWN:
                serverStopping(e.message(), now);
                break;
            default:
                notice(e.message().isEmpty() ? e.code().name().toLowerCase().replace('_', ' ') : e.message());
                break;
        }
    }

    /**
     * The server is going down gracefully: say so at once (rather than after pings fail), hold
     * chats, and probe until the restarted server's NOT_REGISTERED starts the usual re-register.
     */
    private void serverStopping(String message, long now) {
        String said = message.contains("shutting down") ? message : "the server is shutting down" + suffix(message);
        if (phase != Phase.LIVE && phase != Phase.REGISTERING) {
            notice(said);
            return;
        }
        phase = Phase.SERVER_STOPPED;
        stoppedAt = now;
        nextProbeAt = now + STOPPED_PROBE_MILLIS;
        notice(said + "; waiting for it to come back (what you type is sent then)");
    }

    private void deliver(Packet r) {
        if (r instanceof Packet.ChatMessage m) {
            // The register's history follows its Welcome, stored before it; the first later message ends it.
            historyBurst = historyBurst && m.timestampMillis() <= historyUpTo;
            if (historyBurst && m.msgId() != 0 && m.msgId() <= lastMsgId) {
                return; // history we already showed before a re-register
            }
            // Live messages are shown whatever their id: the stream (dseq) already dropped repeats, and a
            // server restarted after a crash may hand out ids we have seen before.
            lastMsgId = Math.max(lastMsgId, m.msgId());
            if (chats.isOwn(m.msgId())) {
                return; // our own line, back in the history after a re-register: shown already
            }
            events.accept(new NetEvent.Message(room, m.msgId(), m.timestampMillis(), m.action(), m.sender(), m.text(), historyBurst));
        } else if (r instanceof Packet.RoomEvent e) {
            historyBurst = false;
            events.accept(new NetEvent.RoomEvent(room, e.timestampMillis(), e.kind(), e.name(), e.text()));
        } else if (r instanceof Packet.MemberList l) {
            events.accept(new NetEvent.Members(room, l.members()));
        }
    }

    private void end(Optional<EndReason> reason, String message) {
        end(reason, message, reason.equals(Optional.of(EndReason.LEFT)) ? "you left before the server took it"
                : "the room ended first");
    }

    private void end(Optional<EndReason> reason, String message, String linesLost) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        draining = false;
        chats.failAll(linesLost);
        events.accept(new NetEvent.Ended(room, reason, message));
    }

    private void newSession(long now) {
        int next;
        do {
            next = random.nextInt();
        } while (next == session);
        session = next;
        phase = Phase.REGISTERING;
        confirming = false;
        registerRto = REGISTER_RTO_START_MILLIS;
        registerStarted = now;
        slowSaid = false;
        sendRegister(now);
    }

    private void sendRegister(long now) {
        registerDue = now + registerRto;
        send(new Packet.Register(session, lastMsgId, chats.oldestUnacked(), Features.KNOWN));
    }

    private void status(long now) {
        LinkState state;
        if (phase == Phase.ENDED) {
            state = LinkState.ENDED;
        } else if (phase == Phase.REGISTERING) {
            state = reconnecting ? LinkState.RECONNECTING : LinkState.REGISTERING;
        } else if (phase == Phase.SERVER_STOPPED) {
            state = LinkState.SERVER_STOPPED;
        } else if (now - lastHeard > NO_ANSWER_AFTER_MILLIS) {
            state = LinkState.NO_ANSWER;
        } else {
            state = LinkState.LIVE;
        }
        NetEvent.Status s = new NetEvent.Status(room, state, rtt, chats.waiting());
        if (!s.equals(lastStatus)) {
            lastStatus = s;
            events.accept(s);
        }
    }

    private String stateWords() {
        switch (phase) {
            case REGISTERING:
                return "still registering with the server";
            case SERVER_STOPPED:
                return "the server has stopped; waiting for it to come back";
            default:
                return "you are no longer in this room";
        }
    }

    private void notice(String text) {
        events.accept(new NetEvent.Notice(room, text));
    }

    /** 20 as "20", 2.5 as "2.5". */
    static String perSecondWords(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(Math.round(rate * 1000) / 1000.0);
    }

    private static String suffix(String message) {
        return message.isEmpty() ? "" : ": " + message;
    }

    private void send(Packet p) {
        out.send(V2Datagram.of(room, token, p));
    }
}
