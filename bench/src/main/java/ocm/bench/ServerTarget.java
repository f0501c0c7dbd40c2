package ocm.bench;

import java.net.InetSocketAddress;
import java.util.OptionalLong;

/** The server under test: where to reach it and, when it runs in this process, its CPU time so far. */
interface ServerTarget extends AutoCloseable {
    InetSocketAddress tcp();

    InetSocketAddress udp();

    /** "embedded" or "host:port". */
    String description();

    /** CPU time the server's threads have used, in ns; empty when the server runs elsewhere. */
    OptionalLong cpuNanos();

    /** CPU time of the relay thread alone (the rest is TCP, persistence, console), in ns. */
    OptionalLong relayCpuNanos();

    /** The server's retransmission and drop counters; empty when the server runs elsewhere. */
    java.util.Optional<ServerStats> stats();

    /** Heap in use after a GC, in bytes; empty when the server runs elsewhere. */
    OptionalLong heapUsedBytes();

    @Override
    void close();

    /** A server started by someone else. */
    static ServerTarget external(InetSocketAddress tcp, InetSocketAddress udp) {
        return new ServerTarget() {
            public InetSocketAddress tcp() {
                return tcp;
            }

            public InetSocketAddress udp() {
                return udp;
            }

            public String description() {
                return tcp.getHostString() + " tcp " + tcp.getPort() + " udp " + udp.getPort();
            }

            public OptionalLong cpuNanos() {
                return OptionalLong.empty();
            }

            public OptionalLong relayCpuNanos() {
                return OptionalLong.empty();
            }

            public OptionalLong heapUsedBytes() {
                return OptionalLong.empty();
            }

            public java.util.Optional<ServerStats> stats() {
                return java.util.Optional.empty();
            }

            public void close() {
            }
        };
    }
}
