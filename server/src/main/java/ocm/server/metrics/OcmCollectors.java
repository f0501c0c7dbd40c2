package ocm.server.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import ocm.server.stats.DropReason;
import ocm.server.stats.RelaySnapshot;

/**
 * The {@code ocm_*} metrics: callbacks that read {@link MetricSources} at scrape time. Relay
 * figures come from the snapshot the relay publishes once a second, so they lag by up to a second.
 * Counter names are given without {@code _total}: the exposition adds it.
 */
final class OcmCollectors {
    private final MetricSources sources;

    private OcmCollectors(MetricSources sources) {
        this.sources = sources;
    }

    static void register(MetricSources sources, PrometheusRegistry registry) {
        OcmCollectors c = new OcmCollectors(sources);
        c.relay(registry);
        c.tcp(registry);
        c.saves(registry);
        counter(registry, "ocm_log_lines_dropped", "Log lines dropped because the log queue was full.",
                () -> sources.droppedLogLines().getAsLong());
    }

    private RelaySnapshot relay() {
        return sources.relay().latest();
    }

    private void relay(PrometheusRegistry registry) {
        gauge(registry, "ocm_rooms", "Rooms open now.", () -> relay().rooms());
        GaugeWithCallback.builder().name("ocm_members").help("Members in all rooms now, by protocol (pending: not registered over UDP yet).")
                .labelNames("protocol")
                .callback(cb -> {
                    RelaySnapshot s = relay();
                    cb.call(s.membersV1(), "v1");
                    cb.call(s.membersV2(), "v2");
                    cb.call(s.membersUnregistered(), "pending");
                }).register(registry);
        relayCounter(registry, "ocm_messages_received", "Chat messages accepted from members.", RelaySnapshot::messagesIn);
        relayCounter(registry, "ocm_deliveries", "Chat messages handed to members (one per recipient).", RelaySnapshot::deliveries);
        relayCounter(registry, "ocm_retransmissions", "v2 packets sent again for want of an ack.", RelaySnapshot::retransmissions);
        relayCounter(registry, "ocm_udp_datagrams_received", "UDP datagrams received.", RelaySnapshot::datagramsIn);
        relayCounter(registry, "ocm_udp_datagrams_sent", "UDP datagrams sent.", RelaySnapshot::datagramsOut);
        relayCounter(registry, "ocm_udp_received_bytes", "UDP payload bytes received.", RelaySnapshot::bytesIn);
        relayCounter(registry, "ocm_udp_sent_bytes", "UDP payload bytes sent.", RelaySnapshot::bytesOut);
        relayCounter(registry, "ocm_rate_limited_messages", "Messages dropped for going over a member's rate.",
                s -> s.drops(DropReason.RATE_LIMITED));
        CounterWithCallback.builder().name("ocm_drops").help("Datagrams or deliveries the relay dropped, by reason.")
                .labelNames("reason")
                .callback(cb -> {
                    RelaySnapshot s = relay();
                    for (DropReason r : DropReason.values()) {
                        cb.call(s.drops(r), r.name().toLowerCase(Locale.ROOT));
                    }
                }).register(registry);
        gauge(registry, "ocm_relay_busy_ratio", "Share of the last second the relay thread spent working rather than waiting (0..1).",
                () -> relay().busyRatio());
    }

    private void tcp(PrometheusRegistry registry) {
        counter(registry, "ocm_tcp_connections", "TCP connections accepted.", () -> sources.tcp().get().accepted());
        gauge(registry, "ocm_tcp_connections_open", "TCP connections open now.", () -> sources.tcp().get().open());
        CounterWithCallback.builder().name("ocm_tcp_refusals").help("TCP connections or requests refused or cut, by reason.")
                .labelNames("reason")
                .callback(cb -> {
                    TcpFigures t = sources.tcp().get();
                    cb.call(t.refusedAtCap(), "connection_cap");
                    cb.call(t.busyRefusals(), "busy");
                    cb.call(t.badRequests(), "bad_request");
                    cb.call(t.timedOut(), "timed_out");
                    cb.call(t.evicted(), "evicted");
                }).register(registry);
        counter(registry, "ocm_tcp_requests", "TCP requests handed to a worker.", () -> sources.tcp().get().requests());
    }

    private void saves(PrometheusRegistry registry) {
        CounterWithCallback.builder().name("ocm_state_saves").help("State-file saves, by result.")
                .labelNames("result")
                .callback(cb -> {
                    cb.call(sources.saves().saves(), "ok");
                    cb.call(sources.saves().failures(), "failed");
                }).register(registry);
        SummaryWithCallback.builder().name("ocm_state_save_duration").unit(Unit.SECONDS)
                .help("Time spent writing the state file.")
                .callback(cb -> cb.call(sources.saves().attempts(), sources.saves().totalSeconds(), Quantiles.EMPTY))
                .register(registry);
        gauge(registry, "ocm_state_last_save_timestamp_seconds", "When the state file was last written (Unix time; 0: not yet).",
                () -> sources.saves().lastSavedAt() / 1000.0);
    }

    private void relayCounter(PrometheusRegistry registry, String name, String help, ToDoubleFunction<RelaySnapshot> value) {
        counter(registry, name, help, () -> value.applyAsDouble(relay()));
    }

    private static void counter(PrometheusRegistry registry, String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }

    private static void gauge(PrometheusRegistry registry, String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(registry);
    }
}
