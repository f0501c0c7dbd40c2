package ocm.server.room;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import ocm.protocol.ucrp.v2.EndReason;

/**
 * Tokens whose membership ended, remembered for a while so a late datagram still gets "ended"
 * again. Bounded in count and age, so a churn of members cannot grow it without limit.
 */
public final class Revocations {
    /** Why and for whom a token ended. */
    public record Revoked(String room, InetSocketAddress address, int protocol, EndReason reason, String message,
                          long expiresAt) {
    }

    private final int capacity;
    private final long ttlMillis;
    private final LinkedHashMap<String, Revoked> byToken = new LinkedHashMap<>();

    public Revocations(int capacity, long ttlMillis) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
    }

    public void add(String token, String room, InetSocketAddress address, int protocol, EndReason reason,
                    String message, long now) {
        byToken.remove(token);
        byToken.put(token, new Revoked(room, address, protocol, reason, message, now + ttlMillis));
        if (byToken.size() > capacity) {
            Iterator<Map.Entry<String, Revoked>> it = byToken.entrySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** The revocation of this token, or null. */
    public Revoked get(String token, long now) {
        Revoked r = byToken.get(token);
        if (r != null && r.expiresAt() <= now) {
            byToken.remove(token);
            return null;
        }
        return r;
    }

    public boolean contains(String token) {
        return byToken.containsKey(token);
    }

    /** Drops expired entries (oldest first, so it stops at the first live one). */
    public void expire(long now) {
        Iterator<Revoked> it = byToken.values().iterator();
        while (it.hasNext()) {
            if (it.next().expiresAt() <= now) {
                it.remove();
            } else {
                return;
            }
        }
    }

    public int size() {
        return byToken.size();
    }
}
