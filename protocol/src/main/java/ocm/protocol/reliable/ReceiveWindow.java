package ocm.protocol.reliable;

/**
 * The receiving half of a reliable stream: accepts numbered items in any order, hands them out
 * once each and in order, and says what to acknowledge (everything up to {@link #cumulative()}
 * plus {@link #mask()} for the ones beyond). Items further ahead than the capacity are refused,
 * so memory stays bounded whatever the sender does. Not thread-safe: one owner.
 */
public final class ReceiveWindow<T> {
    /** What {@link #offer} did with an item. */
    public enum Offer {
        /** New: stored, will come out of {@link #poll()} in order. */
        ACCEPTED,
        /** Already received (or already handed out): drop it, but acknowledge again. */
        DUPLICATE,
        /** Too far ahead of the next expected number to buffer: drop it unacknowledged. */
        TOO_FAR
    }

    private final Object[] slots;
    private final boolean[] present;
    private final int mask;
    private int next;

    /** @param capacity how many items past the next expected one may wait; a power of two, at least 64 */
    public ReceiveWindow(int capacity, int firstExpected) {
        if (capacity < 64 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 64, got " + capacity);
        }
        this.slots = new Object[capacity];
        this.present = new boolean[capacity];
        this.mask = capacity - 1;
        this.next = firstExpected;
    }

    public Offer offer(int seq, T item) {
        int d = Seq.distance(seq, next);
        if (d < 0) {
            return Offer.DUPLICATE;
        }
        if (d >= slots.length) {
            return Offer.TOO_FAR;
        }
        int i = seq & mask;
        if (present[i]) {
            return Offer.DUPLICATE;
        }
        slots[i] = item;
        present[i] = true;
        return Offer.ACCEPTED;
    }

    /** The next item in order, or null when it has not arrived yet. */
    @SuppressWarnings("unchecked")
    public T poll() {
        int i = next & mask;
        if (!present[i]) {
            return null;
        }
        T item = (T) slots[i];
        slots[i] = null;
        present[i] = false;
        next++;
        return item;
    }

    /** The number of the next item {@link #poll()} will return. */
    public int nextExpected() {
        return next;
    }

    /** Everything up to and including this number has been received. */
    public int cumulative() {
        return next - 1;
    }

    /** Bit i set: item {@code cumulative() + 1 + i} has been received (and waits for a gap to fill). */
    public long mask() {
        long m = 0;
        for (int i = 0; i < 64; i++) {
            if (present[(next + i) & mask]) {
                m |= 1L << i;
            }
        }
        return m;
    }

    /** Forget everything and expect {@code firstExpected} next (a new session). */
    public void reset(int firstExpected) {
        java.util.Arrays.fill(slots, null);
        java.util.Arrays.fill(present, false);
        next = firstExpected;
    }
}
