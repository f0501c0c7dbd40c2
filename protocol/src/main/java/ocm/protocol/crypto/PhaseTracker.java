package ocm.protocol.crypto;

/**
 * The receiver's key-phase rule (pure; the time comes in as an argument). The phase bit names one of
 * two generations, so the packet number decides, as QUIC does (RFC 9001 6.5):
 *
 * <ul>
 *   <li>phase of the current generation: the current keys;</li>
 *   <li>the other phase and a number below the first one opened in the current generation: the
 *       previous keys, kept for {@link #PREVIOUS_KEY_MILLIS} after the update (a datagram sealed just
 *       before the update and reordered), then discarded: such a datagram is dropped;</li>
 *   <li>the other phase and a higher number: the next generation (the sender updated). Only when its
 *       tag verifies does it become current ({@link #promoted}).</li>
 * </ul>
 * One generation is tried per datagram, never several.
 */
public final class PhaseTracker {
    /** How long the previous generation stays usable for reordered datagrams. */
    public static final long PREVIOUS_KEY_MILLIS = 10_000;

    public enum Keys { CURRENT, NEXT, PREVIOUS, NONE }

    private final long previousKeyMillis;
    private long generation;
    /** The lowest packet number opened with the current generation (0 for generation 0). */
    private long firstInCurrent;
    /** Until when the previous generation may be used; Long.MIN_VALUE: there is none. */
    private long previousUntil = Long.MIN_VALUE;

    public PhaseTracker() {
        this(PREVIOUS_KEY_MILLIS);
    }

    public PhaseTracker(long previousKeyMillis) {
        if (previousKeyMillis < 0) {
            throw new IllegalArgumentException("previous key time " + previousKeyMillis + " ms is negative");
        }
        this.previousKeyMillis = previousKeyMillis;
    }

    public long generation() {
        return generation;
    }

    /** Which generation's keys open a datagram with this phase bit and packet number at this time. */
    public Keys choose(int phase, long packetNumber, long nowMillis) {
        if (phase == (int) (generation & 1)) {
            return Keys.CURRENT;
        }
        if (packetNumber < firstInCurrent) {
            return generation > 0 && nowMillis < previousUntil ? Keys.PREVIOUS : Keys.NONE;
        }
        return Keys.NEXT;
    }

    /** A datagram opened with the current keys: a reordered lower number lowers the phase's start. */
    public void openedCurrent(long packetNumber) {
        if (generation > 0 && packetNumber < firstInCurrent) {
            firstInCurrent = packetNumber;
        }
    }

    /** A datagram opened with the next keys: they become current, the current ones previous. */
    public void promoted(long packetNumber, long nowMillis) {
        generation++;
        firstInCurrent = packetNumber;
        previousUntil = nowMillis + previousKeyMillis;
    }

    /** True once the previous generation's keys can be wiped. */
    public boolean previousExpired(long nowMillis) {
        return nowMillis >= previousUntil;
    }
}
