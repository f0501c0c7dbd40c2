package ocm.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How long the relay thread and the bench threads waited for a vCPU while runnable, and how often
 * they were scheduled in (Linux {@code /proc/self/task/TID/schedstat}: ns on CPU, ns waiting on a run
 * queue, time slices). On a shared machine this, not the relay's own work, is what moves the v1
 * p99; printing it beside the latency tells a reader which runs were starved of CPU.
 * Read by the runner at the window's edges, never on the hot path.
 */
record CpuWait(long relayWaitNanos, long relaySlices, long benchWaitNanos, long benchSlices) {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String RELAY = "ocm-relay";
    private static final String BENCH = "ocm-bench-";

    /** The figures so far; empty where {@code /proc} has no schedstat (not Linux, or schedstats off). */
    static Optional<CpuWait> now() {
        long[] sums = new long[4];
        boolean read = false;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    add(sums, Files.readString(task.resolve("comm")).strip(), Files.readString(task.resolve("schedstat")));
                    read = true;
                } catch (IOException e) {
                    // the thread ended between the listing and the read, or the kernel keeps no schedstat
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
        return read ? Optional.of(new CpuWait(sums[0], sums[1], sums[2], sums[3])) : Optional.empty();
    }

    /** Adds one thread's {@code schedstat} line ("run-ns wait-ns slices") to the relay's or the bench's sums. */
    static void add(long[] sums, String threadName, String schedstat) {
        int at = threadName.equals(RELAY) ? 0 : threadName.startsWith(BENCH) ? 2 : -1;
        String[] f = schedstat.strip().split(" ");
        if (at < 0 || f.length < 3) {
            return;
        }
        try {
            sums[at] += Long.parseLong(f[1]);
            sums[at + 1] += Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
            // not the format this reader knows: leave the sums as they are
        }
    }

    CpuWait since(CpuWait before) {
        return new CpuWait(relayWaitNanos - before.relayWaitNanos, relaySlices - before.relaySlices,
                benchWaitNanos - before.benchWaitNanos, benchSlices - before.benchSlices);
    }
}
