package ocm.server.tcp;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import ocm.protocol.ErrorCode;
import ocm.server.room.RoomException;

/**
 * Where PBKDF2 runs ({@code ocm-hash-1..2}): slow on purpose, so one room's cost must not hold up
 * another's. Each room has at most one hash under way (a second try for that room meanwhile is
 * refused at once), and a small queue over all rooms refuses at once when full: "the server is busy,
 * try again" rather than a request waiting behind a storm. Any thread may call it.
 */
final class PasswordHashing {
    static final int THREADS = 2;
    static final int MAX_QUEUED = 16;
    /** Far above one hash at {@code PasswordHash.MAX_ITERATIONS}; the answer must come within the TCP deadline anyway. */
    private static final long WAIT_SECONDS = 10;

    private final ThreadPoolExecutor pool;
    private final Set<String> busyRooms = ConcurrentHashMap.newKeySet();

    PasswordHashing() {
        this(THREADS, MAX_QUEUED);
    }

    PasswordHashing(int threads, int maxQueued) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(maxQueued), r -> {
            Thread t = new Thread(r, "ocm-hash-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true); // no threads kept while nobody hashes
    }

    /** Runs {@code hash} for {@code room} on a hashing thread and returns its result; refused at once when busy. */
    <T> T run(String room, Supplier<T> hash) throws RoomException {
        if (!busyRooms.add(room)) {
            throw busy("another password for room '" + room + "' is being checked");
        }
        Future<T> f;
        try {
            f = pool.submit(() -> {
                try {
                    return hash.get();
                } finally {
                    busyRooms.remove(room);
                }
            });
        } catch (RejectedExecutionException e) {
            busyRooms.remove(room);
            throw busy("too many passwords are being checked");
        }
        return await(f);
    }

    /** Hashes waiting for a thread (for tests). */
    int queued() {
        return pool.getQueue().size();
    }

    private static <T> T await(Future<T> f) throws RoomException {
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new RoomException(ErrorCode.INTERNAL, "internal error: " + e.getCause());
        } catch (TimeoutException e) {
            throw busy("checking the password took too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoomException(ErrorCode.SERVER_SHUTTING_DOWN, "the server is shutting down");
        }
    }

    private static RoomException busy(String why) {
        return new RoomException(ErrorCode.RATE_LIMITED, "the server is busy, try again (" + why + ")");
    }
}
