package ocm.server.tcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the TCP service dropped, refused and handed on, for the admin stats. Counted on the
 * selector thread and the workers, read from any thread: atomics, no other state.
 */
public final class TcpCounters {
    /** Connections accepted (admitted to the table). */
    public final AtomicLong accepted = new AtomicLong();
    /** Connections closed at their deadline. */
    public final AtomicLong timedOut = new AtomicLong();
    /** Connections still sending their request closed to make room at a cap. */
    public final AtomicLong evicted = new AtomicLong();
    /** Requests refused BAD_REQUEST (header or body did not decode). */
    public final AtomicLong badRequests = new AtomicLong();
    /** Connections refused at accept: at a cap, and every connection there being answered. */
    public final AtomicLong refused = new AtomicLong();
    /** Requests handed to a worker. */
    public final AtomicLong dispatched = new AtomicLong();
    /** Requests refused SERVER_FULL: too many of one IP in flight, or the work queue full. */
    public final AtomicLong busyRefusals = new AtomicLong();
    /** Requests whose client hung up before a worker got to them: skipped, no work done. */
    public final AtomicLong skipped = new AtomicLong();

    /** Connections that opened TLS. */
    public final AtomicLong tls = new AtomicLong();
    /** Clear TCRP connections refused because the server requires encryption. */
    public final AtomicLong clearRefused = new AtomicLong();

    /** Connections and requests dropped or refused, by reason (non-zero only, stable order). */
    public Map<String, Long> dropsByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        putIfPositive(out, "tcp timed out", timedOut.get());
        putIfPositive(out, "tcp evicted", evicted.get());
        putIfPositive(out, "tcp bad request", badRequests.get());
        putIfPositive(out, "tcp refused (all busy)", refused.get());
        putIfPositive(out, "tcp request refused (busy)", busyRefusals.get());
        putIfPositive(out, "tcp request skipped (client hung up)", skipped.get());
        putIfPositive(out, "tcp clear client refused (encryption required)", clearRefused.get());
        return out;
    }

    private static void putIfPositive(Map<String, Long> m, String key, long v) {
        if (v > 0) {
            m.put(key, v);
        }
    }
}
