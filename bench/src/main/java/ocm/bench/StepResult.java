package ocm.bench;

/**
 * The figures of one timed step, as printed and as the {@code --json} line carries them.
 * Latencies are in milliseconds; CPU in seconds over the measured window (null when unknown);
 * deliveries per second over the window, or until the last delivery when that came later;
 * {@code cpuWait}: time the relay and bench threads spent runnable without a vCPU (null off Linux).
 */
record StepResult(double offeredRate, double seconds, long sent, double sentRate, long expected, long delivered,
                  double lossPercent, double deliveriesPerSecond, double p50Ms, double p99Ms, double maxMs,
                  long duplicates, long tooFar, long refused, long retransmits, long windowFull, long sendFailed, long errors,
                  long ended, long datagramsReceived, long acksSent, Double serverCpuSeconds, Double relayCpuSeconds,
                  double processCpuSeconds, ServerStats server, CpuWait cpuWait) {

    /**
     * Loss under 0.1%, the bench managed to offer (nearly) the rate asked for, and the relay kept
     * up rather than queueing: socket buffers hold seconds of traffic, so a short overloaded step
     * can lose nothing yet deliver long after the window.
     */
    boolean passes() {
        return lossPercent < 0.1 && sentRate >= 0.97 * offeredRate && deliveriesPerSecond >= 0.97 * expected / seconds
                && ended == 0;
    }

    static StepResult of(double offeredRate, double seconds, LoopStats s, int membersPerRoom,
                         Double serverCpuSeconds, Double relayCpuSeconds, ServerStats server,
                         double processCpuSeconds, CpuWait cpuWait) {
        long expected = s.sent * (membersPerRoom - 1L);
        double loss = expected == 0 ? 0 : Math.max(0, 100.0 * (expected - s.delivered) / expected);
        return new StepResult(offeredRate, seconds, s.sent, s.sent / seconds, expected, s.delivered, loss,
                s.delivered / s.deliverySpanSeconds(), ms(s.latency.percentile(0.50)), ms(s.latency.percentile(0.99)),
                ms(s.latency.max()), s.duplicates, s.tooFar, s.refused, s.retransmits, s.windowFull, s.sendFailed,
                s.errors, s.ended, s.datagramsIn, s.acksSent, serverCpuSeconds, relayCpuSeconds,
                processCpuSeconds, server, cpuWait);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
