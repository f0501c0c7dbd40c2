package ocm.bench;

import com.google.gson.Gson;
import java.util.List;
import java.util.Locale;

/**
 * Everything one bench invocation found: the load, the server, the final (or best) step, every
 * step of a {@code --find-max} search, and the server heap after set-up when it is embedded.
 */
record BenchReport(String protocol, int rooms, int members, int senders, int idleRooms, int idleMembers,
                   String server, StepResult result,
                   Double maxRate, List<StepResult> steps, Double serverHeapMb) {

    String json() {
        return new Gson().toJson(this);
    }

    String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "OCM bench %s: %d room(s) x %d members, %d sender(s) per room%s, server %s%n",
                protocol, rooms, members, senders,
                idleRooms == 0 ? "" : String.format(Locale.ROOT, ", + %d idle room(s) x %d", idleRooms, idleMembers), server));
        if (maxRate != null) {
            b.append(String.format(Locale.ROOT, "find-max: highest rate with loss < 0.1%%: %.0f msg/s%n", maxRate));
        } else if (steps.size() > 1) {
            b.append("find-max: no rate tried had loss < 0.1%\n");
        }
        StepResult last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (steps.size() > 1 && last.ended() > 0) {
            b.append(String.format(Locale.ROOT, "find-max stopped at %.0f msg/s: the server ended %d membership(s) "
                    + "(members too far behind), so later steps would measure a broken room%n", last.offeredRate(), last.ended()));
        }
        if (result != null) {
            b.append(describe(result));
        }
        if (serverHeapMb != null) {
            b.append(String.format(Locale.ROOT, "server heap in use after set-up (after GC): %.1f MB%n", serverHeapMb));
        }
        return b.toString();
    }

    static String describe(StepResult r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "offered %.0f msg/s for %.1f s: sent %d (%.0f/s), expected %d deliveries, "
                        + "delivered %d, loss %.3f%%, %.0f deliveries/s%n",
                r.offeredRate(), r.seconds(), r.sent(), r.sentRate(), r.expected(), r.delivered(), r.lossPercent(),
                r.deliveriesPerSecond()));
        b.append(String.format(Locale.ROOT, "latency p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", r.p50Ms(), r.p99Ms(), r.maxMs()));
        b.append(String.format(Locale.ROOT, "duplicates %d, too far ahead %d, refused %d, retransmitted %d, window full %d, send failed %d, "
                        + "errors %d, ended %d%n",
                r.duplicates(), r.tooFar(), r.refused(), r.retransmits(), r.windowFull(), r.sendFailed(), r.errors(), r.ended()));
        b.append(String.format(Locale.ROOT, "members received %d datagrams (all of the step), sent %d acks%n",
                r.datagramsReceived(), r.acksSent()));
        if (r.server() != null) {
            b.append(String.format(Locale.ROOT, "server (window and drain): %d retransmissions, drops %s%n",
                    r.server().retransmissions(), r.server().drops().isEmpty() ? "none" : r.server().drops()));
        }
        if (r.cpuWait() != null) {
            CpuWait w = r.cpuWait();
            b.append(String.format(Locale.ROOT, "runnable but waiting for a vCPU: relay thread %.0f ms over %d wake-ups, "
                            + "bench thread(s) %.0f ms over %d%n",
                    w.relayWaitNanos() / 1e6, w.relaySlices(), w.benchWaitNanos() / 1e6, w.benchSlices()));
        }
        if (r.serverCpuSeconds() != null) {
            double relay = r.relayCpuSeconds() == null ? 0 : r.relayCpuSeconds();
            b.append(String.format(Locale.ROOT, "server CPU %.2f s (%.0f%% of one core; relay thread %.0f%%), "
                            + "whole process %.2f s (%.0f%%)%n",
                    r.serverCpuSeconds(), 100 * r.serverCpuSeconds() / r.seconds(), 100 * relay / r.seconds(),
                    r.processCpuSeconds(), 100 * r.processCpuSeconds() / r.seconds()));
        } else {
            b.append(String.format(Locale.ROOT, "bench process CPU %.2f s (%.0f%% of one core)%n",
                    r.processCpuSeconds(), 100 * r.processCpuSeconds() / r.seconds()));
        }
        return b.toString();
    }
}
