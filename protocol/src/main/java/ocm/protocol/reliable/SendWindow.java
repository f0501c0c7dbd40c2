package ocm.protocol.reliable;

/**
 * The sending half of a reliable stream: numbers items, remembers them until acknowledged,
 * and says which to send again and when. Timeouts come from an {@link RttEstimator}, double on
 * each expiry (capped at 10 s), and an item is resent early once three later items are
 * acknowledged (fast retransmit). After {@code maxTries} sends or {@code giveUpMillis} it is
 * given up. State lives in preallocated rings, so steady-state use allocates nothing.
 * Not thread-safe: one owner. Times are caller-supplied milliseconds; there is no clock here.
 */
public final class SendWindow<T> {
    /** Receives what {@link #poll} decides. */
    public interface Retransmitter<T> {
        void resend(int seq, T item);

        void giveUp(int seq, T item);
    }

    public static final int DEFAULT_MAX_TRIES = 20;
    public static final long DEFAULT_GIVE_UP_MILLIS = 30_000;
    private static final int FAST_RETRANSMIT_AFTER = 3;

    private final Object[] items;
    private final boolean[] live;
    private final long[] firstSent;
    private final long[] deadline;
    private final long[] rto;
    private final int[] tries;
    private final int[] laterAcks;
    private final int mask;
    private final int maxTries;
    private final long giveUpMillis;
    private final RttEstimator rtt;
    private final java.util.function.ToIntFunction<? super T> weigher;
    /** Sum of the weights of the items outstanding (0 without a weigher). */
    private long weight;
    /** Oldest number not yet acknowledged (or {@code next} when none is outstanding). */
    private int base;
    /** Number the next {@link #add} gets. */
    private int next;
    private int outstanding;

    public SendWindow(int capacity, int firstSeq, RttEstimator rtt) {
        this(capacity, firstSeq, rtt, DEFAULT_MAX_TRIES, DEFAULT_GIVE_UP_MILLIS);
    }

    /** @param capacity most items in flight at once; a power of two */
    public SendWindow(int capacity, int firstSeq, RttEstimator rtt, int maxTries, long giveUpMillis) {
        this(capacity, firstSeq, rtt, maxTries, giveUpMillis, item -> 0);
    }

    /**
     * With a {@code weigher} (the bytes an item holds, say): {@link #weight} is the sum over the items
     * outstanding, so an owner can bound a window in bytes as well as in items.
     */
    public SendWindow(int capacity, int firstSeq, RttEstimator rtt, int maxTries, long giveUpMillis,
                      java.util.function.ToIntFunction<? super T> weigher) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, got " + capacity);
        }
        this.items = new Object[capacity];
        this.live = new boolean[capacity];
        this.firstSent = new long[capacity];
        this.deadline = new long[capacity];
        this.rto = new long[capacity];
        this.tries = new int[capacity];
        this.laterAcks = new int[capacity];
        this.mask = capacity - 1;
        this.maxTries = maxTries;
        this.giveUpMillis = giveUpMillis;
        this.rtt = rtt;
        this.weigher = weigher;
        this.base = firstSeq;
        this.next = firstSeq;
    }

    public boolean hasRoom() {
        return Seq.distance(next, base) < items.length;
    }

    /** The summed weight of the items outstanding (see the weigher constructor). */
    public long weight() {
        return weight;
    }

    /** Items sent and not yet acknowledged nor given up. */
    public int outstanding() {
        return outstanding;
    }

    public int nextSeq() {
        return next;
    }

    /** The oldest unacknowledged number, or {@link #nextSeq()} when nothing is outstanding. */
    public int oldestUnacked() {
        return base;
    }

    /**
     * Records {@code item} as sent now and returns its number. The caller sends it.
     * @throws IllegalStateException when the window is full (check {@link #hasRoom()})
     */
    public int add(T item, long now) {
        if (!hasRoom()) {
            throw new IllegalStateException("send window full (" + items.length + " in flight)");
        }
        int seq = next++;
        int i = seq & mask;
        items[i] = item;
        weight += weigher.applyAsInt(item);
        live[i] = true;
        firstSent[i] = now;
        rto[i] = rtt.rtoMillis();
        deadline[i] = now + rto[i];
        tries[i] = 1;
        laterAcks[i] = 0;
        outstanding++;
        return seq;
    }

    /** The item with this number if it is still outstanding, else null. */
    @SuppressWarnings("unchecked")
    public T get(int seq) {
        if (!inFlight(seq)) {
            return null;
        }
        int i = seq & mask;
        return live[i] ? (T) items[i] : null;
    }

    /** Acknowledges one number. Returns true if it was outstanding. */
    public boolean ack(int seq, long now) {
        if (!inFlight(seq) || !live[seq & mask]) {
            return false;
        }
        int i = seq & mask;
        if (tries[i] == 1) {
            rtt.sample(now - firstSent[i]);
        }
        clear(i);
        for (int s = base; Seq.before(s, seq); s++) {
            if (live[s & mask]) {
                laterAcks[s & mask]++;
            }
        }
        advanceBase();
        return true;
    }

    /**
     * Acknowledges everything up to {@code cumulative} and bit i of {@code bits} for cumulative+1+i.
     * Returns how many were outstanding. A cumulative past the last number sent cannot come from
     * this stream (a peer still acking an older session, or a forged ack): it acknowledges nothing.
     */
    public int ack(int cumulative, long bits, long now) {
        if (Seq.after(cumulative, next - 1)) {
            return 0;
        }
        int n = 0;
        for (int s = base; !Seq.after(s, cumulative) && Seq.before(s, next); s++) {
            if (ack(s, now)) {
                n++;
            }
        }
        for (int b = 0; b < 64 && bits != 0; b++) {
            if ((bits & (1L << b)) != 0 && ack(cumulative + 1 + b, now)) {
                n++;
            }
        }
        return n;
    }

    /** Resends what is due and gives up what has been tried too long. */
    @SuppressWarnings("unchecked")
    public void poll(long now, Retransmitter<T> out) {
        for (int s = base; Seq.before(s, next); s++) {
            int i = s & mask;
            if (!live[i]) {
                continue;
            }
            boolean fast = laterAcks[i] >= FAST_RETRANSMIT_AFTER;
            if (!fast && now < deadline[i]) {
                continue;
            }
            T item = (T) items[i];
            if (tries[i] >= maxTries || now - firstSent[i] >= giveUpMillis) {
                clear(i);
                out.giveUp(s, item);
                continue;
            }
            tries[i]++;
            laterAcks[i] = Integer.MIN_VALUE; // fast-retransmit once per loss; later resends wait for the timer
            if (!fast) {
                rto[i] = Math.min(RttEstimator.MAX_RTO_MILLIS, rto[i] * 2);
            }
            deadline[i] = now + rto[i];
            out.resend(s, item);
        }
        advanceBase();
    }

    /**
     * Sends everything outstanding again through {@code out} as if sent for the first time now:
     * tries, timers and the give-up clock start over. For when the path was down (a new session
     * after a server restart): time spent waiting for it must not count against the items.
     */
    @SuppressWarnings("unchecked")
    public void rearm(long now, Retransmitter<T> out) {
        for (int s = base; Seq.before(s, next); s++) {
            int i = s & mask;
            if (live[i]) {
                firstSent[i] = now;
                tries[i] = 1;
                rto[i] = rtt.rtoMillis();
                deadline[i] = now + rto[i];
                laterAcks[i] = 0;
                out.resend(s, (T) items[i]);
            }
        }
    }

    /** The earliest time {@link #poll} has work, or {@link Long#MAX_VALUE} when nothing is outstanding. */
    public long nextDeadline() {
        long d = Long.MAX_VALUE;
        for (int s = base; Seq.before(s, next); s++) {
            int i = s & mask;
            if (live[i]) {
                d = Math.min(d, laterAcks[i] >= FAST_RETRANSMIT_AFTER ? 0 : deadline[i]);
            }
        }
        return d;
    }

    /** Forgets everything outstanding (the items are not given up) and numbers on from {@code firstSeq}. */
    public void reset(int firstSeq) {
        java.util.Arrays.fill(items, null);
        java.util.Arrays.fill(live, false);
        outstanding = 0;
        weight = 0;
        base = firstSeq;
        next = firstSeq;
    }

    public RttEstimator rtt() {
        return rtt;
    }

    private boolean inFlight(int seq) {
        return !Seq.before(seq, base) && Seq.before(seq, next);
    }

    @SuppressWarnings("unchecked")
    private void clear(int i) {
        weight -= weigher.applyAsInt((T) items[i]);
        items[i] = null;
        live[i] = false;
        outstanding--;
    }

    private void advanceBase() {
        while (Seq.before(base, next) && !live[base & mask]) {
            base++;
        }
    }
}
