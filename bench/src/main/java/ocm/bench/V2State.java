package ocm.bench;

import ocm.protocol.reliable.ReceiveWindow;
import ocm.protocol.reliable.RttEstimator;
import ocm.protocol.reliable.SendWindow;

/**
 * A v2 member's session, as a real client keeps it: the delivery stream's receive window (reset
 * to Welcome.firstDseq), and for senders the chat send window with each chat's send time, so a
 * retransmission carries the original payload.
 */
final class V2State {
    /** Stored in the windows: the bench needs the numbers, not per-message objects. */
    static final Object MARK = new Object();
    static final int FIRST_CHAT_SEQ = 1;
    /** At least the server's delivery window (DeliveryStream.WINDOW, 128 in flight per member): a smaller one refuses deliveries it will only get again later. */
    private static final int RECEIVE_CAPACITY = 256;
    private static final int SEND_CAPACITY = 256;

    final int session;
    final ReceiveWindow<Object> inbox = new ReceiveWindow<>(RECEIVE_CAPACITY, 0);
    /** Null unless this member sends. */
    final SendWindow<Object> outbox;
    private final long[] sendTimes;
    boolean welcomed;
    boolean ackPending;
    long registerSentAt;
    long nextPingAt;

    V2State(int session, boolean sender) {
        this.session = session;
        this.outbox = sender ? new SendWindow<>(SEND_CAPACITY, FIRST_CHAT_SEQ, new RttEstimator()) : null;
        this.sendTimes = sender ? new long[SEND_CAPACITY] : null;
    }

    void rememberSendTime(int seq, long sendNanos) {
        sendTimes[seq & (SEND_CAPACITY - 1)] = sendNanos;
    }

    long sendTime(int seq) {
        return sendTimes[seq & (SEND_CAPACITY - 1)];
    }
}
