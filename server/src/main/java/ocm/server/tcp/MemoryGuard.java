package ocm.server.tcp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.server.room.RoomException;

/**
 * Refuses new rooms and joins while the heap is nearly full after garbage collection, so that
 * memory running short turns into "the server is low on memory" for newcomers rather than an
 * OutOfMemoryError for everyone. It looks at the heap in use after the last collection (live data,
 * not garbage not yet collected). Any thread may call it.
 */
final class MemoryGuard {
    private static final Logger LOG = Logger.getLogger("ocm.server.tcp");
    /** Above this share of the heap in use after a collection, newcomers are refused. */
    static final double LOW_SHARE = 0.85;

    private final LongSupplier liveBytes;
    private final LongSupplier maxBytes;
    private volatile boolean low;

    MemoryGuard(LongSupplier liveBytes, LongSupplier maxBytes) {
        this.liveBytes = liveBytes;
        this.maxBytes = maxBytes;
    }

    /** On this JVM's heap. */
    static MemoryGuard ofHeap() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
        return new MemoryGuard(() -> afterLastCollection(pools), () -> Runtime.getRuntime().maxMemory());
    }

    private static long afterLastCollection(List<MemoryPoolMXBean> pools) {
        long used = 0;
        for (MemoryPoolMXBean p : pools) {
            MemoryUsage u = p.getCollectionUsage();
            if (u != null) {
                used += u.getUsed();
            }
        }
        return used;
    }

    /** Throws SERVER_FULL while memory is short; says so in the log when that starts and ends. */
    void check(String what) throws RoomException {
        long max = maxBytes.getAsLong();
        long live = liveBytes.getAsLong();
        boolean nowLow = max > 0 && live > LOW_SHARE * max;
        if (nowLow != low) {
            low = nowLow;
            if (nowLow) {
                LOG.warning("memory is short (" + (live >> 20) + " MiB of " + (max >> 20) + " MiB in use after GC): refusing"
                        + " new rooms and joins until it is not; give the server more heap (-Xmx)");
            } else {
                LOG.info("memory is no longer short: new rooms and joins are taken again");
            }
        }
        if (nowLow) {
            throw new RoomException(ErrorCode.SERVER_FULL, "the server is low on memory; cannot " + what + " now, try again later");
        }
    }
}
