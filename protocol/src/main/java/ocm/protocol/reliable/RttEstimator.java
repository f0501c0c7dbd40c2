package ocm.protocol.reliable;

/**
 * Smoothed round-trip time and retransmission timeout as in RFC 6298 (used by TCP, QUIC, ENet):
 * starts at 250 ms, never below 50 ms nor above 10 s.
 */
public final class RttEstimator {
    public static final long INITIAL_RTO_MILLIS = 250;
    public static final long MIN_RTO_MILLIS = 50;
    public static final long MAX_RTO_MILLIS = 10_000;

    private double srtt = -1;
    private double rttvar;
    private long rto = INITIAL_RTO_MILLIS;

    /** Feeds one measured round trip (only from packets sent once: Karn's rule). */
    public void sample(long rttMillis) {
        double r = Math.max(0, rttMillis);
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - r);
            srtt = 0.875 * srtt + 0.125 * r;
        }
        rto = clamp(Math.round(srtt + Math.max(1, 4 * rttvar)));
    }

    public long rtoMillis() {
        return rto;
    }

    /** The smoothed round trip, or -1 before the first sample. */
    public double srttMillis() {
        return srtt;
    }

    public static long clamp(long millis) {
        return Math.max(MIN_RTO_MILLIS, Math.min(MAX_RTO_MILLIS, millis));
    }
}
