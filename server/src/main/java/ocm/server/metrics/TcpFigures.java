package ocm.server.metrics;

/** The TCP service's figures at one scrape (read from its atomics). */
public record TcpFigures(long accepted, int open, long refusedAtCap, long busyRefusals, long badRequests,
                         long timedOut, long evicted, long requests) {
    public static final TcpFigures NONE = new TcpFigures(0, 0, 0, 0, 0, 0, 0, 0);
}
