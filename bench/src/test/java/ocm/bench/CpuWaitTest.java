package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CpuWaitTest {

    @Test
    void sumsTheRelayAndTheBenchThreadsAndIgnoresTheRest() {
        long[] sums = new long[4];
        CpuWait.add(sums, "ocm-relay", "1000 250 7\n");
        CpuWait.add(sums, "ocm-bench-0", "900 30 5\n");
        CpuWait.add(sums, "ocm-bench-1", "800 70 4\n");
        CpuWait.add(sums, "C2 CompilerThre", "5000 9999 99\n");
        CpuWait.add(sums, "ocm-bench-2", "garbage");
        assertArrayEquals(new long[] {250, 7, 100, 9}, sums);
    }

    @Test
    void onLinuxABenchThreadThatRanIsCounted() throws InterruptedException {
        assumeTrue(Files.exists(Path.of("/proc/self/task")),
                "no /proc: not Linux");
        CountDownLatch ran = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            long until = System.nanoTime() + 20_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            ran.countDown();
            try {
                done.await(); // alive, so its /proc entry is there to read
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ocm-bench-test");
        t.start();
        ran.await();
        Optional<CpuWait> w = CpuWait.now();
        done.countDown();
        t.join();
        assumeTrue(w.isPresent(), "the kernel keeps no schedstat");
        assertTrue(w.get().benchSlices() >= 1, w.get().toString());
    }

    @Test
    void theWindowIsTheDifference() {
        CpuWait w = new CpuWait(500, 20, 900, 40).since(new CpuWait(200, 5, 100, 10));
        assertEquals(new CpuWait(300, 15, 800, 30), w);
    }
}
