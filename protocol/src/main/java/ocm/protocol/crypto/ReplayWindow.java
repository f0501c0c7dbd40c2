package ocm.protocol.crypto;

/**
 * Which packet numbers of one session and direction were already opened: an RFC 6479 /
 * WireGuard-style sliding bitmap. Any number above the highest seen is fresh; a number at most
 * {@code size - 1} below it is fresh if not yet seen; anything older is refused.
 *
 * <p>Two steps, so a forged datagram cannot spend a number: {@link #check} before decrypting (cheap,
 * changes nothing), {@link #markSeen} only after the tag verified. Allocation-free after construction.
 * Packet numbers are 0..2^63-1.
 */
public final class ReplayWindow {
    /** The default: 2048 numbers behind the highest, WireGuard's size. */
    public static final int DEFAULT_SIZE = 2048;

    public enum Verdict { FRESH, DUPLICATE, TOO_OLD }

    private final int size;
    /** One block more than size/64, so the block being filled never overwrites the window's oldest. */
    private final long[] blocks;
    private long highest = -1;

    public ReplayWindow() {
        this(DEFAULT_SIZE);
    }

    public ReplayWindow(int size) {
        if (size < 64 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("replay window of " + size + " numbers, it must be a power of two, at least 64");
        }
        this.size = size;
        this.blocks = new long[size / 64 + 1];
    }

    public int size() {
        return size;
    }

    /** The highest number marked seen, or -1 before the first. */
    public long highest() {
        return highest;
    }

    public Verdict check(long packetNumber) {
        if (packetNumber < 0) {
            throw new IllegalArgumentException("packet number " + packetNumber + " is negative");
        }
        if (packetNumber > highest) {
            return Verdict.FRESH;
        }
        if (highest - packetNumber >= size) {
            return Verdict.TOO_OLD;
        }
        return (blocks[block(packetNumber)] & bit(packetNumber)) != 0 ? Verdict.DUPLICATE : Verdict.FRESH;
    }

    /**
     * Records an authenticated number. Returns true when it was fresh (and is now seen), false when
     * it was a duplicate or too old (nothing changes): a caller that checked first gets true.
     */
    public boolean markSeen(long packetNumber) {
        if (check(packetNumber) != Verdict.FRESH) {
            return false;
        }
        if (packetNumber > highest) {
            advanceTo(packetNumber);
        }
        blocks[block(packetNumber)] |= bit(packetNumber);
        return true;
    }

    /** Clears the blocks the window slides into, so their old bits do not read as seen. */
    private void advanceTo(long packetNumber) {
        long fromBlock = highest < 0 ? -1 : highest >>> 6;
        long toBlock = packetNumber >>> 6;
        long steps = Math.min(toBlock - fromBlock, blocks.length);
        for (long i = 1; i <= steps; i++) {
            blocks[(int) ((fromBlock + i) % blocks.length)] = 0;
        }
        highest = packetNumber;
    }

    private int block(long packetNumber) {
        return (int) ((packetNumber >>> 6) % blocks.length);
    }

    private static long bit(long packetNumber) {
        return 1L << (packetNumber & 63);
    }
}
