package ocm.server.tcp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The table of open connections: oldest first (accept order is both the deadline order and the
 * eviction order), counted in total and per IP against the caps. At a cap the OLDEST connection
 * still sending its request makes way, so a flood of idle connections cannot keep a real client
 * out. Owned by the selector thread ({@code ocm-tcp-0}); only {@link #size} may be read elsewhere.
 * It knows no sockets: whoever is evicted is handed back for the caller to close.
 */
final class OpenConnections<C extends OpenConnections.Entry> {
    /** What the table needs to know of a connection. */
    interface Entry {
        String ip();

        /** When it must have sent its request and taken its answer (fixed at accept). */
        long deadline();

        /** Its request is complete and with a worker: never evicted. */
        boolean beingAnswered();
    }

    /** Whether a new connection may be added, and who was removed from the table to make room for it. */
    record Verdict<C>(boolean admitted, List<C> evicted) {
        Verdict {
            evicted = List.copyOf(evicted);
        }
    }

    private final int maxTotal;
    private final int maxPerIp;
    private final LinkedHashSet<C> oldestFirst = new LinkedHashSet<>();
    private final Map<String, ArrayDeque<C>> byIp = new HashMap<>();
    /** The size of {@link #oldestFirst}, for readers on other threads. */
    private final AtomicInteger count = new AtomicInteger();

    OpenConnections(int maxTotal, int maxPerIp) {
        this.maxTotal = maxTotal;
        this.maxPerIp = maxPerIp;
    }

    /**
     * At a cap, the oldest connection still reading its request (of this IP, or overall) is
     * removed for the new one; one already being answered is never cut off. Not admitted when
     * none can go. The evicted ones are out of the table; the caller closes them.
     */
    Verdict<C> makeRoom(String ip) {
        List<C> evicted = new ArrayList<>(2);
        ArrayDeque<C> mine = byIp.get(ip);
        if (mine != null && mine.size() >= maxPerIp && !evictOldestReading(mine, evicted)) {
            return new Verdict<>(false, evicted);
        }
        boolean admitted = oldestFirst.size() < maxTotal || evictOldestReading(oldestFirst, evicted);
        return new Verdict<>(admitted, evicted);
    }

    private boolean evictOldestReading(Iterable<C> candidates, List<C> evicted) {
        for (C c : candidates) {
            if (!c.beingAnswered()) {
                remove(c);
                evicted.add(c);
                return true;
            }
        }
        return false;
    }

    /** Adds a connection just accepted (after {@link #makeRoom} admitted it): it is the newest. */
    void add(C c) {
        oldestFirst.add(c);
        count.incrementAndGet();
        byIp.computeIfAbsent(c.ip(), k -> new ArrayDeque<>()).addLast(c);
    }

    /** Removes a connection; false if it was not in the table (already closed). */
    boolean remove(C c) {
        if (!oldestFirst.remove(c)) {
            return false;
        }
        count.decrementAndGet();
        ArrayDeque<C> mine = byIp.get(c.ip());
        if (mine != null) {
            mine.remove(c);
            if (mine.isEmpty()) {
                byIp.remove(c.ip());
            }
        }
        return true;
    }

    /** The oldest connection if its deadline has come by {@code now}, else null. Removes nothing. */
    C dueBy(long now) {
        if (oldestFirst.isEmpty()) {
            return null;
        }
        C oldest = oldestFirst.iterator().next();
        return oldest.deadline() <= now ? oldest : null;
    }

    /** Milliseconds until the oldest deadline (at least 1), or {@code idle} when nothing is open. */
    long millisToNextDeadline(long now, long idle) {
        return oldestFirst.isEmpty() ? idle : Math.max(1, oldestFirst.iterator().next().deadline() - now);
    }

    /** The open connections, oldest first, as a copy the caller may close them from. */
    List<C> snapshot() {
        return List.copyOf(oldestFirst);
    }

    /** How many are open; safe from any thread. */
    int size() {
        return count.get();
    }

    /** How many of {@code ip}'s connections are open (for tests and checks; selector thread). */
    int ofIp(String ip) {
        ArrayDeque<C> mine = byIp.get(ip);
        return mine == null ? 0 : mine.size();
    }

    /** How many IPs have a connection open: an IP with none is forgotten (selector thread). */
    int ips() {
        return byIp.size();
    }
}
