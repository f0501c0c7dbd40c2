package ocm.server.tls;

import java.util.Objects;

/**
 * How the TCRP port treats each connection: TLS with this identity, and clear TCRP (seed
 * clients) only unless {@code requireEncryption}.
 */
public record TlsPort(ServerIdentity identity, boolean requireEncryption) {
    /** The refusal a clear client reads when the server requires encryption. */
    public static final String REFUSAL = "this server requires an encrypted connection (TLS): "
            + "connect with the OCM client; clear TCRP clients such as the seed's are refused";

    public TlsPort {
        Objects.requireNonNull(identity, "identity");
    }
}
