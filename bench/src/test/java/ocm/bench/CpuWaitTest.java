package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
        Thread t = new Thread(() -> {
            long until = System.nanoTime() + 20_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ocm-bench-test");
        t.start();
        Thread.sleep(100);
        Optional<CpuWait> w = CpuWait.now();
        t.interrupt();
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
