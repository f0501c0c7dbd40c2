package ocm.bench;

/**
 * Latencies in nanoseconds in fixed log-linear buckets (HdrHistogram's layout, 32 sub-buckets per
 * power of two, so about 3% precision from 1 ns to centuries). Recording is an array increment:
 * no allocation, no lock. One per thread; {@link #add} merges them at the end.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final int LINEAR = 2 * SUB;
    private static final int BUCKETS = LINEAR + (63 - SUB_BITS - 1) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        if (v > max) {
            max = v;
        }
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /** The smallest recorded bucket's upper bound covering {@code fraction} of the values (0 when empty). */
    long percentile(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperBound(i), max);
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v); // >= SUB_BITS + 1
        int shift = exp - SUB_BITS;
        int top = (int) (v >>> shift); // in [SUB, 2*SUB)
        return LINEAR + (exp - SUB_BITS - 1) * SUB + (top - SUB);
    }

    /** The largest value that lands in bucket {@code i}. */
    static long upperBound(int i) {
        if (i < LINEAR) {
            return i;
        }
        int k = i - LINEAR;
        int exp = k / SUB + SUB_BITS + 1;
        int top = k % SUB + SUB;
        int shift = exp - SUB_BITS;
        return (((long) top + 1) << shift) - 1;
    }
}
