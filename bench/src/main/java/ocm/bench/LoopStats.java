package ocm.bench;

/**
 * What one member loop counted during one step. Owned by that loop's thread while the step runs,
 * handed to the runner (through a future) once it is over, then only read.
 */
final class LoopStats {
    final LatencyHistogram latency = new LatencyHistogram();
    private final long measureFrom;
    private final long measureTo;

    /** Chats first sent inside the measured window (retransmissions not counted). */
    long sent;
    /** Chats first sent at any time of the step, warm-up included. */
    long sentTotal;
    /** Bench deliveries whose send time is inside the window: the ones that count. */
    long delivered;
    /** Bench deliveries sent outside the window (warm-up, an earlier step). */
    long deliveredOutside;
    /** Datagrams that carried something else (notices, member lists, history). */
    long other;
    long duplicates;
    long tooFar;
    /** Chats the server refused (v2 Accepted with msgId 0). */
    long refused;
    long retransmits;
    long givenUp;
    /** Sends skipped because the sender's v2 window was full. */
    long windowFull;
    /** Sends the socket did not take (buffer full) or that failed. */
    long sendFailed;
    long errors;
    long ended;
    long roomClosed;
    long malformed;
    long acksSent;
    /** Datagrams received by the members: deliveries / datagrams shows how much the server bundles. */
    long datagramsIn;
    long lastMeasuredDelivery;

    LoopStats(long measureFrom, long measureTo) {
        this.measureFrom = measureFrom;
        this.measureTo = measureTo;
    }

    boolean inWindow(long sendNanos) {
        return sendNanos - measureFrom >= 0 && sendNanos - measureTo < 0;
    }

    void chatSent(long sendNanos) {
        sentTotal++;
        if (inWindow(sendNanos)) {
            sent++;
        }
    }

    void delivered(long sendNanos, long now) {
        if (inWindow(sendNanos)) {
            delivered++;
            latency.record(now - sendNanos);
            lastMeasuredDelivery = now;
        } else {
            deliveredOutside++;
        }
    }

    void add(LoopStats o) {
        latency.add(o.latency);
        sent += o.sent;
        sentTotal += o.sentTotal;
        delivered += o.delivered;
        deliveredOutside += o.deliveredOutside;
        other += o.other;
        duplicates += o.duplicates;
        tooFar += o.tooFar;
        refused += o.refused;
        retransmits += o.retransmits;
        givenUp += o.givenUp;
        windowFull += o.windowFull;
        sendFailed += o.sendFailed;
        errors += o.errors;
        ended += o.ended;
        roomClosed += o.roomClosed;
        malformed += o.malformed;
        acksSent += o.acksSent;
        datagramsIn += o.datagramsIn;
        if (o.delivered > 0 && (delivered == o.delivered || o.lastMeasuredDelivery - lastMeasuredDelivery > 0)) {
            lastMeasuredDelivery = o.lastMeasuredDelivery;
        }
    }

    /**
     * Seconds from the start of the window to the last counted delivery, at least the window:
     * an overloaded relay delivers late, and dividing by the window alone would flatter it.
     */
    double deliverySpanSeconds() {
        double window = (measureTo - measureFrom) / 1e9;
        if (delivered == 0) {
            return window;
        }
        return Math.max(window, (lastMeasuredDelivery - measureFrom) / 1e9);
    }
}
