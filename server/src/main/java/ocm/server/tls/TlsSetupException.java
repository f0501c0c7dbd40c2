package ocm.server.tls;

import java.io.IOException;

/** The server's TLS key could not be made, read or saved; the message says which file and why. */
public final class TlsSetupException extends IOException {
    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
