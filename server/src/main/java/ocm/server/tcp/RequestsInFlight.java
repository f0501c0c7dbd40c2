package ocm.server.tcp;

import java.util.HashMap;
import java.util.Map;

/**
 * Requests of each IP handed to a worker and not yet answered, against a cap per IP, so one
 * address's storm cannot take every worker. Owned by the selector thread ({@code ocm-tcp-0}):
 * a worker's answer comes back through that thread before {@link #finish} is called.
 */
final class RequestsInFlight {
    private final int maxPerIp;
    private final Map<String, Integer> byIp = new HashMap<>();

    RequestsInFlight(int maxPerIp) {
        this.maxPerIp = maxPerIp;
    }

    /** Counts one more request of {@code ip} in flight, unless it already has its cap (then changes nothing). */
    boolean tryStart(String ip) {
        int mine = of(ip);
        if (mine >= maxPerIp) {
            return false;
        }
        byIp.put(ip, mine + 1);
        return true;
    }

    /** One request of {@code ip} was answered, skipped or never handed over; an IP at zero is forgotten. */
    void finish(String ip) {
        byIp.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** How many requests of {@code ip} are in flight. */
    int of(String ip) {
        return byIp.getOrDefault(ip, 0);
    }

    /** How many IPs have a request in flight. */
    int ips() {
        return byIp.size();
    }
}
