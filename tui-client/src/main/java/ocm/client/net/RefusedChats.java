package ocm.client.net;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Datagram;

/**
 * One room's chats the server refused (Accepted with msgId 0), each waiting for the Error that
 * says why, so the "not delivered" line can give the server's reason. The server queues that Error
 * right after the Accepted; when the Accepted filled a datagram, the Error opens the next one, so
 * a refusal left at a datagram's end waits for that, or {@link #REASON_WAIT_MILLIS}. Owned by the
 * network thread, as its {@link RoomSession}.
 */
final class RefusedChats {
    /** A refused chat whose reason has not come by then is given up with a reason in general terms. */
    static final long REASON_WAIT_MILLIS = 1_000;

    private final String room;
    private final Consumer<NetEvent> events;
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private long lastRefusedAt;

    RefusedChats(String room, Consumer<NetEvent> events) {
        this.room = room;
        this.events = events;
    }

    void refused(long localId, long now) {
        waiting.add(localId);
        lastRefusedAt = now;
    }

    /** A datagram arrives: if it does not open with a reason, the last one's refusal lost its Error. */
    void datagramStarts(V2Datagram d) {
        if (!waiting.isEmpty() && !startsWithReason(d)) {
            giveUp(0);
        }
    }

    /** True when {@code e} was the oldest waiting refusal's reason (and is reported with it). */
    boolean takeReason(Packet.Error e) {
        if (waiting.isEmpty() || !isChatReason(e)) {
            return false;
        }
        events.accept(new NetEvent.NotDelivered(room, waiting.poll(), e.message()));
        return true;
    }

    /** The datagram is over: each Error follows its Accepted, so only the last refusal's may still come. */
    void datagramEnds() {
        giveUp(1);
    }

    void tick(long now) {
        if (!waiting.isEmpty() && now - lastRefusedAt >= REASON_WAIT_MILLIS) {
            giveUp(0);
        }
    }

    /** The membership ended: no reason will come. */
    void giveUpAll() {
        giveUp(0);
    }

    private void giveUp(int keep) {
        while (waiting.size() > keep) {
            events.accept(new NetEvent.NotDelivered(room, waiting.poll(), "refused by the server"));
        }
    }

    private static boolean startsWithReason(V2Datagram d) {
        return !d.packets().isEmpty() && d.packets().get(0) instanceof Packet.Error e && isChatReason(e);
    }

    /**
     * Only the codes the server refuses a chat with are a chat's reason; the rest (NOT_REGISTERED,
     * NOT_HOST after a /kick, ...) are about something else.
     */
    private static boolean isChatReason(Packet.Error e) {
        switch (e.code()) {
            case RATE_LIMITED:
            case BAD_REQUEST:
            case TOO_LONG:
                return true;
            default:
                return false;
        }
    }
}
