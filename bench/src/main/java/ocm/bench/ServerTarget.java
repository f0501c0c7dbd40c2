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

    /** One node's TCRP and UDP addresses. */
    record Endpoint(InetSocketAddress tcp, InetSocketAddress udp) {
    }

    /** Where members go: one node, or the nodes of a cluster (each room's members spread over them). */
    default java.util.List<Endpoint> endpoints() {
        return java.util.List.of(new Endpoint(tcp(), udp()));
    }

    /** The running nodes of a cluster (the first stands for the whole in the report). */
    static ServerTarget cluster(java.util.List<Endpoint> nodes) {
        ServerTarget first = external(nodes.get(0).tcp(), nodes.get(0).udp());
        return new ServerTarget() {
            public InetSocketAddress tcp() {
                return first.tcp();
            }

            public InetSocketAddress udp() {
                return first.udp();
            }

            public java.util.List<Endpoint> endpoints() {
                return nodes;
            }

            public String description() {
                return nodes.size() + " cluster nodes (" + String.join(", ", nodes.stream()
                        .map(n -> n.tcp().getHostString() + " tcp " + n.tcp().getPort() + " udp " + n.udp().getPort()).toList()) + ")";
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
