package ocm.client.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import ocm.protocol.ErrorCode;
import ocm.protocol.reliable.RttEstimator;
import ocm.protocol.reliable.SendWindow;
import ocm.protocol.ucrp.v2.Packet;

/**
 * One room session's chats on their way to the server. A line waits in a queue, in the order
 * typed, until the {@link ChatPacer} lets it go within the server's rate and burst; then a
 * {@link SendWindow} numbers it and retransmits it until acknowledged, however long that takes
 * (a server down for minutes still gets the line when it is back). The server's Accepted says
 * which room message each became. Nothing is given up except when the membership ends. Owned by
 * the network thread.
 */
final class OutgoingChats {
    private static final int CAPACITY = 256;
    private static final int REMEMBERED = 1024;

    /** A chat line of ours while the server has not taken it. */
    private record Outgoing(long localId, boolean action, String text) {
    }

    private final String room;
    private final Consumer<NetEvent> events;
    private final ChatPacer pacer = new ChatPacer();
    /** Typed, not yet numbered: waits for the pacer (or for the session to be live). */
    private final ArrayDeque<Outgoing> queued = new ArrayDeque<>();
    /** Never gives up on its own: a line is not lost to an outage, only to the end of the membership. */
    private final SendWindow<Outgoing> window;
    /** Chats the server refused for the rate in the datagram being read; queued again, in order, at its end. */
    private final List<Outgoing> refusedForRate = new ArrayList<>();
    /** Chat seq -> line, kept after a plain Ack so a late Accepted still finds its line. */
    private final Map<Integer, Outgoing> awaitingAccept = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Outgoing> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * Room message ids the server gave our own lines. The server sends no copy of them live, but
     * after a re-register they come back in the history (which starts after the last id of
     * another member's we saw) and must not be shown twice.
     */
    private final Set<Integer> ownMsgIds = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    OutgoingChats(String room, Consumer<NetEvent> events, Random random) {
        this.room = room;
        this.events = events;
        this.window = new SendWindow<>(CAPACITY, random.nextInt(), new RttEstimator(), Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Queues a line; it goes when {@link #pump} lets it. */
    void add(long localId, boolean action, String text) {
        queued.add(new Outgoing(localId, action, text));
    }

    /** The server's limit for this member, from a Welcome. */
    void limits(Packet.Welcome w, long now) {
        pacer.limits(w.rateMilli(), w.burst(), inFlight(), now);
    }

    /** Sends queued lines, oldest first, as far as the server's limit and the window allow. */
    void pump(long now, Consumer<Packet> send) {
        while (!queued.isEmpty() && window.hasRoom() && pacer.tryTake(now, inFlight())) {
            Outgoing o = queued.poll();
            int seq = window.add(o, now);
            awaitingAccept.put(seq, o);
            send.accept(new Packet.Chat(seq, o.action(), o.text()));
        }
    }

    /** Chats sent and possibly not yet processed by the server: every seq from the oldest unacknowledged on. */
    private int inFlight() {
        return window.nextSeq() - window.oldestUnacked();
    }

    /** Sends every chat not yet acknowledged again, oldest first, with fresh timers: a new session starts them over. */
    void resendAll(long now, Consumer<Packet> send) {
        window.rearm(now, new SendWindow.Retransmitter<>() {
            @Override
            public void resend(int seq, Outgoing item) {
                send.accept(new Packet.Chat(seq, item.action(), item.text()));
            }

            @Override
            public void giveUp(int seq, Outgoing item) {
                // rearm never gives up
            }
        });
    }

    /**
     * The server took (or refused: msgId 0, with its reason) chat {@code seq}. A chat refused
     * for the rate (the pacer should have prevented it) is queued again rather than lost. Returns
     * the local id of a chat refused for another reason, for the caller to report; null otherwise.
     */
    Long accepted(Packet.Accepted a, long now) {
        window.ack(a.seq(), now);
        Outgoing o = awaitingAccept.remove(a.seq());
        if (o == null) {
            return null;
        }
        if (a.refusal().isPresent()) {
            if (a.refusal().get() == ErrorCode.RATE_LIMITED) {
                refusedForRate.add(o);
                pacer.empty(now);
                return null;
            }
            return o.localId();
        }
        ownMsgIds.add(a.msgId());
        events.accept(new NetEvent.Delivered(room, o.localId(), a.msgId(), a.timestampMillis()));
        return null;
    }

    /** The end of a datagram: lines refused for the rate go back to the head of the queue, in order. */
    void datagramDone() {
        for (int i = refusedForRate.size() - 1; i >= 0; i--) {
            queued.addFirst(refusedForRate.get(i));
        }
        refusedForRate.clear();
    }

    /** True for a room message id the server gave one of our own lines. */
    boolean isOwn(int msgId) {
        return ownMsgIds.contains(msgId);
    }

    /** The server's Ack of our chat seqs: those it covers are delivered even if their Accepted was lost. */
    void acked(Packet.Ack a, long now) {
        List<Integer> before = new ArrayList<>();
        for (int s = window.oldestUnacked(); s != window.nextSeq(); s++) {
            if (window.get(s) != null) {
                before.add(s);
            }
        }
        window.ack(a.cumulative(), a.mask(), now);
        for (int s : before) {
            Outgoing o = awaitingAccept.get(s);
            if (window.get(s) == null && o != null) {
                events.accept(new NetEvent.Delivered(room, o.localId(), 0, 0));
            }
        }
    }

    /** Resends what is due through {@code send}. */
    void poll(long now, Consumer<Packet> send) {
        window.poll(now, new SendWindow.Retransmitter<>() {
            @Override
            public void resend(int seq, Outgoing item) {
                send.accept(new Packet.Chat(seq, item.action(), item.text()));
            }

            @Override
            public void giveUp(int seq, Outgoing item) {
                // never: this window has no try or time limit
            }
        });
    }

    /** The membership ended: whatever is still in flight or queued will not be delivered. */
    void failAll(String reason) {
        for (int s = window.oldestUnacked(); s != window.nextSeq(); s++) {
            if (window.get(s) != null) {
                Outgoing o = awaitingAccept.remove(s);
                if (o != null) {
                    events.accept(new NetEvent.NotDelivered(room, o.localId(), reason));
                }
            }
        }
        window.reset(window.nextSeq());
        for (Outgoing o : refusedForRate) {
            events.accept(new NetEvent.NotDelivered(room, o.localId(), reason));
        }
        refusedForRate.clear();
        for (Outgoing o : queued) {
            events.accept(new NetEvent.NotDelivered(room, o.localId(), reason));
        }
        queued.clear();
    }

    /** Where the server's duplicate window should start on a (re-)register. */
    int oldestUnacked() {
        return window.oldestUnacked();
    }

    /** Lines not yet acknowledged by the server: in flight or queued. */
    int waiting() {
        return window.outstanding() + queued.size();
    }

    /** Lines queued behind the pacer, not yet sent. */
    int queued() {
        return queued.size();
    }

    /** About how long the queued lines take to go at the server's rate, in ms. */
    long queueMillis() {
        return pacer.millisFor(queued.size());
    }
}
