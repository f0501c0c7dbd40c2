package ocm.server.room;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import ocm.protocol.reliable.ReceiveWindow;
import ocm.protocol.reliable.RttEstimator;
import ocm.protocol.reliable.SendWindow;
import ocm.protocol.ucrp.v2.Packet;

/**
 * The reliable state of one v2 member's session: its delivery stream (send window plus a bounded
 * backlog waiting for room in it), its chat stream (receive window), and what is queued for the
 * next datagram to it. Plain object, owned by the relay thread; preallocated so steady use
 * allocates nothing.
 */
public final class DeliveryStream {
    /** Deliveries in flight per member; more wait in the backlog. Sized for 10,000 members in well under 256 MB. */
    public static final int WINDOW = 128;
    /** How far ahead of the next expected chat a member's chats are buffered. */
    public static final int CHAT_WINDOW = 256;
    private static final int CONTROL_BYTES = 512;

    private final int session;
    private final int firstDseq;
    private final long welcomeTime;
    private final SendWindow<Outgoing> window;
    /** The client's chat stream: Chats, and packets of optional numbered types this server skips (Skipped). */
    private final ReceiveWindow<Packet> chats;
    private final ArrayDeque<Outgoing> backlog = new ArrayDeque<>();
    private final int maxBacklog;
    private final int[] resends = new int[WINDOW];
    private int resendCount;
    /** Unreliable packets (Welcome, Accepted, Ack, Pong, Error) already encoded for the next datagram. */
    private final ByteBuffer control = ByteBuffer.allocate(CONTROL_BYTES);
    /**
     * The {@code since} of a register from an unproven address: its history is held back until the
     * client proves it received the Welcome (the Welcome and member list go at once);
     * {@link #NOTHING_OWED} when none.
     */
    private int owedSince = NOTHING_OWED;
    public static final int NOTHING_OWED = Integer.MIN_VALUE;
    /** Bookkeeping of the relay's timer list and flush list. */
    int timerIndex = -1;
    boolean dirty;

    public DeliveryStream(int session, int firstDseq, int nextChatSeq, long now, int maxBacklog) {
        this.session = session;
        this.firstDseq = firstDseq;
        this.welcomeTime = now;
        this.window = new SendWindow<>(WINDOW, firstDseq, new RttEstimator());
        this.chats = new ReceiveWindow<>(CHAT_WINDOW, nextChatSeq);
        this.maxBacklog = maxBacklog;
    }

    public int session() {
        return session;
    }

    public void oweHistory(int since) {
        owedSince = since;
    }

    public boolean owesHistory() {
        return owedSince != NOTHING_OWED;
    }

    /** The owed {@code since}, and nothing is owed any more. */
    public int takeOwedHistory() {
        int s = owedSince;
        owedSince = NOTHING_OWED;
        return s;
    }

    public int firstDseq() {
        return firstDseq;
    }

    public long welcomeTime() {
        return welcomeTime;
    }

    public SendWindow<Outgoing> window() {
        return window;
    }

    public ReceiveWindow<Packet> chats() {
        return chats;
    }

    public ByteBuffer control() {
        return control;
    }

    /** Queues a reliable packet; false when the backlog is full (the member is hopelessly behind). */
    public boolean enqueue(Outgoing item) {
        if (backlog.size() >= maxBacklog) {
            return false;
        }
        backlog.addLast(item);
        return true;
    }

    public ArrayDeque<Outgoing> backlog() {
        return backlog;
    }

    public void addResend(int dseq) {
        if (resendCount < resends.length) {
            resends[resendCount++] = dseq;
        }
    }

    public int resendCount() {
        return resendCount;
    }

    public int resendAt(int i) {
        return resends[i];
    }

    public void clearResends() {
        resendCount = 0;
    }

    public int timerIndex() {
        return timerIndex;
    }

    public void timerIndex(int i) {
        timerIndex = i;
    }

    public boolean dirty() {
        return dirty;
    }

    public void dirty(boolean d) {
        dirty = d;
    }
}
