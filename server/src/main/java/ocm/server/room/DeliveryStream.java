package ocm.server.room;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
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
    /**
     * Bytes in flight per member at most (besides the item count): one member that acknowledges just
     * enough must not pin megabytes. Far above a member's share at chat rates (small messages reach
     * the {@link #WINDOW} count first).
     */
    public static final int MAX_WINDOW_BYTES = 64 * 1024;
    /** Bytes waiting in a member's backlog at most; a member that would pass it is too far behind and is removed. */
    public static final int MAX_BACKLOG_BYTES = 512 * 1024;
    /**
     * The history sent to a joiner takes at most three quarters of the backlog (100 messages of the
     * longest text fit), so live traffic still fits beside it.
     */
    public static final int MAX_HISTORY_BYTES = MAX_BACKLOG_BYTES / 4 * 3;
    /**
     * Bytes of a member's chats buffered out of order (waiting for an earlier one) at most; beyond,
     * a chat that is not the next expected is dropped unacknowledged (the client sends it again).
     */
    public static final int MAX_BUFFERED_CHAT_BYTES = 64 * 1024;
    /** What an item costs beyond its encoded bytes: the record and the array headers. */
    static final int ITEM_OVERHEAD = 32;

    private final int session;
    private final int firstDseq;
    private final long welcomeTime;
    private final SendWindow<Outgoing> window;
    /** The client's chat stream: Chats, and packets of optional numbered types this server skips (Skipped). */
    private final ReceiveWindow<Packet> chats;
    private final ArrayDeque<Outgoing> backlog = new ArrayDeque<>();
    private final int maxBacklog;
    /** Sum of {@link #bytes} over the backlog. */
    private long backlogBytes;
    /** Sum of {@link #bytes(Packet)} over the chats in the receive window. */
    private long chatBytes;
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
        this.window = new SendWindow<>(WINDOW, firstDseq, new RttEstimator(), SendWindow.DEFAULT_MAX_TRIES,
                SendWindow.DEFAULT_GIVE_UP_MILLIS, DeliveryStream::bytes);
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

    /**
     * Offers a packet of the member's chat stream (a chat, or a numbered optional packet it does
     * not know) to its receive window: the next expected one always fits; one further ahead only
     * while the packets buffered stay within {@link #MAX_BUFFERED_CHAT_BYTES}.
     */
    public ReceiveWindow.Offer offerChat(int seq, Packet p) {
        int b = bytes(p);
        if (seq != chats.nextExpected() && chatBytes + b > MAX_BUFFERED_CHAT_BYTES) {
            return ReceiveWindow.Offer.TOO_FAR;
        }
        ReceiveWindow.Offer offer = chats.offer(seq, p);
        if (offer == ReceiveWindow.Offer.ACCEPTED) {
            chatBytes += b;
        }
        return offer;
    }

    /** The member's next packet of its chat stream in order, or null. */
    public Packet pollChat() {
        Packet p = chats.poll();
        if (p != null) {
            chatBytes -= bytes(p);
        }
        return p;
    }

    /** A chat's heap cost, from above: two bytes a char (a String may hold UTF-16) plus the objects. */
    static int bytes(Packet p) {
        return p instanceof Packet.Chat c ? 2 * c.text().length() + 64 : 64;
    }

    public ByteBuffer control() {
        return control;
    }

    /** Queues a reliable packet; false when the backlog is full, in items or in bytes (the member is hopelessly behind). */
    public boolean enqueue(Outgoing item) {
        int b = bytes(item);
        if (backlog.size() >= maxBacklog || backlogBytes + b > MAX_BACKLOG_BYTES) {
            return false;
        }
        backlog.addLast(item);
        backlogBytes += b;
        return true;
    }

    /** Takes the oldest backlog item (to send it). */
    public Outgoing pollBacklog() {
        Outgoing o = backlog.pollFirst();
        if (o != null) {
            backlogBytes -= bytes(o);
        }
        return o;
    }

    /** True while the send window takes another item: room in count and in bytes. */
    public boolean windowHasRoom() {
        return window.hasRoom() && window.weight() < MAX_WINDOW_BYTES;
    }

    /** Bytes this member's deliveries hold now: in flight plus waiting. At most MAX_WINDOW_BYTES + one item + MAX_BACKLOG_BYTES. */
    public long heldBytes() {
        return window.weight() + backlogBytes;
    }

    /** Bytes of this member's chats waiting in order; at most MAX_BUFFERED_CHAT_BYTES + one chat. */
    public long bufferedChatBytes() {
        return chatBytes;
    }

    /** UTF-8 length without encoding (a lone surrogate counts 3, as the encoder's replacement). */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    static int bytes(Outgoing o) {
        return o.tail().length + ITEM_OVERHEAD;
    }

    /**
     * Where the history sent to a joiner starts: the newest records, at most {@code maxItems}, whose
     * encoded size (the UTF-8 of sender and text, plus the fields and objects around them) fits
     * {@link #MAX_HISTORY_BYTES}.
     */
    public static int historyStart(List<ChatRecord> history, int maxItems) {
        long used = 0;
        int start = history.size();
        while (start > 0 && history.size() - start < maxItems) {
            ChatRecord r = history.get(start - 1);
            used += ITEM_OVERHEAD + 32 + utf8Length(r.sender()) + utf8Length(r.text());
            if (used > MAX_HISTORY_BYTES) {
                break;
            }
            start--;
        }
        return start;
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
