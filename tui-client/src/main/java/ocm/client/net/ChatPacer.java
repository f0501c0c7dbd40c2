package ocm.client.net;

/**
 * Paces one member's chats to the limit the server's Welcome gave (a token bucket: {@code rate}
 * per second, {@code burst} at once), so the server never refuses one for the rate and nothing
 * the user typed, pasted or piped is lost to it. Owned by the network thread; times in ms.
 *
 * <p>Why this stays within the server's bucket: the server takes a token when it processes a
 * chat, this pacer when the chat is first sent, earlier. Let U be the chats sent but not yet
 * processed. Invariant: server tokens >= tokens here + U. A first send moves one token here into
 * U; processing moves it out of U on the server's side; both buckets refill alike. Only the
 * server's cap (burst) could break it, so this bucket is capped at {@code burst - inFlight},
 * where {@code inFlight} (the span from the oldest unacknowledged chat to the next seq) is at
 * least U. Lost chats resent after an outage are in U: they never make a burst the server
 * refuses.
 *
 * <p>The two clocks are read at slightly different moments (the server stamps a batch of
 * datagrams with one time; both count whole milliseconds), so this pacer keeps a margin: it runs
 * at {@link #RATE_SHARE} of the rate and, when the burst allows, keeps one token spare.
 */
final class ChatPacer {
    static final double RATE_SHARE = 0.95;

    private double perMilli;
    private int burst;
    private double tokens;
    private long last;
    private boolean known;

    /** True once a Welcome gave the limit; nothing is sent before. */
    boolean known() {
        return known;
    }

    /** The rate this pacer sends at, chats per second (a little under the server's). */
    double ratePerSecond() {
        return perMilli * 1000;
    }

    /**
     * The limit from a Welcome. The first fills the bucket (the server's starts full); a later
     * one keeps what is saved, cut to a changed limit (a server restarted with other flags starts
     * full, so being lower here is safe).
     */
    void limits(int rateMilli, int burst, int inFlight, long now) {
        refill(now, inFlight);
        boolean first = !known;
        this.perMilli = rateMilli * RATE_SHARE / 1_000_000.0;
        this.burst = burst > 1 ? burst - 1 : burst; // the spare token
        this.known = true;
        double cap = Math.max(0, this.burst - inFlight);
        tokens = first ? cap : Math.min(tokens, cap);
        last = now;
    }

    /** Takes a token for a first send if one is there now. */
    boolean tryTake(long now, int inFlight) {
        if (!known) {
            return false;
        }
        refill(now, inFlight);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** The server refused a chat for the rate after all: save nothing up, start again from empty. */
    void empty(long now) {
        tokens = 0;
        last = now;
    }

    /** About how long {@code lines} more chats take to go at the rate, in ms (after what is saved now). */
    long millisFor(int lines) {
        if (!known || perMilli <= 0) {
            return 0;
        }
        return (long) Math.ceil(Math.max(0, lines - tokens) / perMilli);
    }

    private void refill(long now, int inFlight) {
        if (!known) {
            return;
        }
        double cap = burst - inFlight;
        tokens = Math.min(Math.max(tokens, cap), tokens + Math.max(0, now - last) * perMilli);
        last = now;
    }
}
