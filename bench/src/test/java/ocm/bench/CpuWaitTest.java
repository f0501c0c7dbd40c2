package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void theWindowIsTheDifference() {
        CpuWait w = new CpuWait(500, 20, 900, 40).since(new CpuWait(200, 5, 100, 10));
        assertEquals(new CpuWait(300, 15, 800, 30), w);
    }
}
