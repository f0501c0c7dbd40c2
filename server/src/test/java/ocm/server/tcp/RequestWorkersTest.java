package ocm.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The hand-off to the workers and back: answers return on the caller's thread, a full queue refuses. */
class RequestWorkersTest {
    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertTrue(latch.await(10, TimeUnit.SECONDS), "timed out waiting for: " + what);
    }

    @Test
    void workRunsOnANamedWorkerAndItsFollowUpOnTheThreadThatRunsFinished() throws Exception {
        CountDownLatch woken = new CountDownLatch(1);
        RequestWorkers workers = new RequestWorkers(4, woken::countDown);
        try {
            AtomicReference<String> workThread = new AtomicReference<>();
            AtomicReference<String> followUpThread = new AtomicReference<>();
            AtomicReference<Integer> result = new AtomicReference<>();
            assertTrue(workers.submit(() -> {
                workThread.set(Thread.currentThread().getName());
                return 42;
            }, r -> {
                result.set(r);
                followUpThread.set(Thread.currentThread().getName());
            }));
            await(woken, "the worker to wake the selector");
            assertNull(result.get(), "nothing comes back until the selector thread asks");
            workers.runFinished();
            assertEquals(42, result.get());
            assertEquals(Thread.currentThread().getName(), followUpThread.get());
            assertTrue(workThread.get().matches("ocm-tcp-[12]"), workThread.get());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void workThatThrowsEvenAnErrorStillHasItsFollowUpRunWithNull() throws Exception {
        CountDownLatch woken = new CountDownLatch(1);
        RequestWorkers workers = new RequestWorkers(4, woken::countDown);
        try {
            AtomicInteger followUps = new AtomicInteger();
            AtomicReference<Object> result = new AtomicReference<>("unset");
            assertTrue(workers.submit(() -> {
                throw new StackOverflowError("a bug deep down");
            }, r -> {
                followUps.incrementAndGet();
                result.set(r);
            }));
            await(woken, "the worker to wake the selector");
            workers.runFinished();
            assertEquals(1, followUps.get(), "what the follow-up releases (an in-flight place) is released");
            assertNull(result.get());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void withBothWorkersBusyAndTheQueueFullARequestIsRefusedAndNeverRun() throws Exception {
        RequestWorkers workers = new RequestWorkers(1, () -> { });
        CountDownLatch bothBusy = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        try {
            for (int i = 0; i < 2; i++) {
                assertTrue(workers.submit(() -> {
                    bothBusy.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ran.incrementAndGet();
                }, r -> { }));
            }
            await(bothBusy, "both workers busy");
            assertTrue(workers.submit(ran::incrementAndGet, r -> { }), "one waits in the queue");
            assertFalse(workers.submit(() -> ran.addAndGet(100), r -> { }), "the queue is full");
            release.countDown();
            workers.shutdownNow();
            assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
            assertTrue(ran.get() < 100, "the refused work never ran: " + ran.get());
        } finally {
            release.countDown();
            workers.shutdownNow();
        }
    }
}
