package ocm.bench;

import java.util.concurrent.CompletableFuture;

/**
 * One timed run as a member loop sees it: send at {@code rate} chats/s (this loop's share) from
 * {@code start} to {@code end}; deliveries of chats sent from {@code measureFrom} count. After
 * {@code end} the loop waits for stragglers until it is quiet or {@code drainUntil}, then completes
 * {@code result}.
 */
record Step(double rate, long start, long measureFrom, long end, long drainUntil, CompletableFuture<LoopStats> result) {
}
