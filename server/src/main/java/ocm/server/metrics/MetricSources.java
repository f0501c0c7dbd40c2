package ocm.server.metrics;

import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import ocm.server.stats.RelayFigures;
import ocm.server.stats.SaveFigures;

/**
 * Where the metrics come from; every one is safe to read from the endpoint's thread (published
 * snapshots, atomics, volatiles), so a scrape never waits on the relay. Plain values and
 * suppliers, so this package depends on no server package but {@code stats}.
 *
 * @param savesState       whether the server has a data dir (else saves are not checked by /healthz)
 * @param droppedLogLines  log lines the bounded log queue dropped so far (0 while logging has no queue)
 */
public record MetricSources(RelayFigures relay, SaveFigures saves, boolean savesState, Supplier<TcpFigures> tcp,
                            LongSupplier droppedLogLines) {
    public MetricSources {
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(saves, "saves");
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(droppedLogLines, "droppedLogLines");
    }

    /** For a server whose log drops nothing (no bounded queue yet). */
    public static final LongSupplier NO_LOG_DROPS = () -> 0;
}
