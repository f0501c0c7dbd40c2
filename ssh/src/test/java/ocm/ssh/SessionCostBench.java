package ocm.ssh;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of SSH sessions, measured, not asserted (docs/PERFORMANCE.md): threads, heap after GC and
 * CPU of idle sessions, and of sessions in a room that chats. Client and gateway share this JVM, so
 * the figures include MINA's client side; they are upper bounds for the server. Run with
 * {@code mvn -pl ssh -am test -Dtest=SessionCostBench -Docm.sshBench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Docm.sshSessions=N}, default 200).
 */
@EnabledIfSystemProperty(named = "ocm.sshBench", matches = "true")
class SessionCostBench {
    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("ocm.sshSessions", 200);
        try (SshRig rig = new SshRig(false)) {
            SshUser warm = rig.open("warm", SshRig.newKey(), 100, 30);
            warm.awaitText("you are warm");
            warm.close();
            long heap0 = heapAfterGc();
            int threads0 = threads();
            List<SshUser> users = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SshUser u = rig.open("u" + i, SshRig.newKey(), 100, 30);
                users.add(u);
            }
            for (SshUser u : users) {
                u.awaitText("you are u");
            }
            long heap1 = heapAfterGc();
            int threads1 = threads();
            System.out.printf("sessions %d: threads +%d (%.1f each), heap +%.1f MB (%.0f KB each)%n", n, threads1 - threads0,
                    (threads1 - threads0) / (double) n, (heap1 - heap0) / 1e6, (heap1 - heap0) / 1e3 / n);
            double idleCpu = cpuSeconds(() -> Thread.sleep(10_000));
            System.out.printf("idle: %.3f CPU s in 10 s for %d sessions (%.2f ms/s each)%n", idleCpu, n, idleCpu * 1000 / 10 / n);
            // 10 of them in one room; one says 10 lines a second for 10 s.
            SshUser host = users.get(0);
            host.type("c").awaitText("Create a room");
            host.type("bench").enter().awaitText("you created bench");
            for (int i = 1; i < 10; i++) {
                SshUser u = users.get(i);
                u.type("r").awaitText("bench");
                u.enter().awaitText("you joined bench");
            }
            double chatCpu = cpuSeconds(() -> {
                for (int i = 0; i < 100; i++) {
                    host.type("line " + i).enter();
                    Thread.sleep(100);
                }
            });
            users.get(9).awaitText("line 99");
            System.out.printf("chatting: %.3f CPU s for 100 lines to 9 readers (%.2f ms per delivered line, all %d sessions on)%n",
                    chatCpu, chatCpu * 1000 / 900, n);
            for (SshUser u : users) {
                u.close();
            }
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static double cpuSeconds(Work w) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = os.getProcessCpuTime();
        w.run();
        return (os.getProcessCpuTime() - t0) / 1e9;
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
