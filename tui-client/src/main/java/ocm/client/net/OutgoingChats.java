package ocm.client.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.function.Consumer;
import ocm.protocol.reliable.RttEstimator;
import ocm.protocol.reliable.SendWindow;
import ocm.protocol.ucrp.v2.Packet;

/**
 * One room session's chats on their way to the server: numbered and retransmitted by a
 * {@link SendWindow} until acknowledged, and followed until the server's Accepted says which
 * room message each became (or that it was refused). Owned by the network thread.
 */
final class OutgoingChats {
    private static final int CAPACITY = 256;
    private static final int REMEMBERED = 1024;

    /** A chat line of ours while the server has not taken it. */
    private record Outgoing(long localId, boolean action, String text) {
    }

    private final String room;
    private final Consumer<NetEvent> events;
    private final SendWindow<Outgoing> window;
    /** Chat seq -> local id, kept after a plain Ack so a late Accepted still finds its line. */
    private final Map<Integer, Long> awaitingAccept = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * Room message ids the server gave our own lines. The server sends no copy of them live, but
     * after a re-register they come back in the history (which starts after the last id of
     * another member's we saw) and must not be shown twice.
     */
    private final Set<Integer> ownMsgIds = java.util.Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    OutgoingChats(String room, Consumer<NetEvent> events, Random random) {
        this.room = room;
        this.events = events;
        this.window = new SendWindow<>(CAPACITY, random.nextInt(), new RttEstimator());
    }

    /** Numbers a new chat; returns its packet, or null (and says why) when the window is full. */
    Packet.Chat add(long localId, boolean action, String text, long now) {
        if (!window.hasRoom()) {
            events.accept(new NetEvent.NotDelivered(room, localId, "too many messages waiting for the server"));
            return null;
        }
        int seq = window.add(new Outgoing(localId, action, text), now);
        awaitingAccept.put(seq, localId);
        return new Packet.Chat(seq, action, text);
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
     * The server took (or refused: msgId 0, with its reason) chat {@code seq}. Returns the local
     * id of a refused chat, for the caller to report with the reason; null otherwise.
     */
    Long accepted(Packet.Accepted a, long now) {
        window.ack(a.seq(), now);
        Long localId = awaitingAccept.remove(a.seq());
        if (localId == null || a.msgId() == 0) {
            return localId;
        }
        ownMsgIds.add(a.msgId());
        events.accept(new NetEvent.Delivered(room, localId, a.msgId(), a.timestampMillis()));
        return null;
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
            Long localId = awaitingAccept.get(s);
            if (window.get(s) == null && localId != null) {
                events.accept(new NetEvent.Delivered(room, localId, 0, 0));
            }
        }
    }

    /** Resends what is due through {@code send}; what was tried too long is not delivered. */
    void poll(long now, Consumer<Packet> send) {
        window.poll(now, new SendWindow.Retransmitter<>() {
            @Override
            public void resend(int seq, Outgoing item) {
                send.accept(new Packet.Chat(seq, item.action(), item.text()));
            }

            @Override
            public void giveUp(int seq, Outgoing item) {
                awaitingAccept.remove(seq);
                events.accept(new NetEvent.NotDelivered(room, item.localId(), "the server did not acknowledge it"));
            }
        });
    }

    /** The membership ended: whatever is still in flight will not be delivered. */
    void failAll(String reason) {
        for (int s = window.oldestUnacked(); s != window.nextSeq(); s++) {
            if (window.get(s) != null) {
                Long localId = awaitingAccept.remove(s);
                if (localId != null) {
                    events.accept(new NetEvent.NotDelivered(room, localId, reason));
                }
            }
        }
        window.reset(window.nextSeq());
    }

    /** Where the server's duplicate window should start on a (re-)register. */
    int oldestUnacked() {
        return window.oldestUnacked();
    }

    int outstanding() {
        return window.outstanding();
    }
}
