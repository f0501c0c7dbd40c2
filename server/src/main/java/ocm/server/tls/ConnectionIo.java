package ocm.server.tls;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How the TCP service reads and writes one connection's request and answer: in clear
 * ({@link PlainIo}) or through TLS ({@link TlsIo}). Non-blocking: reads return 0 when nothing is
 * ready; a write may leave bytes pending, to be flushed when the channel is writable.
 */
public interface ConnectionIo {
    /** Application bytes into {@code dst}: how many, 0 if none yet, -1 at the end of the stream. */
    int read(ByteBuffer dst) throws IOException;

    /** Takes what it can of {@code src}; what it took may still be pending (see {@link #flush}). */
    void write(ByteBuffer src) throws IOException;

    /** Sends what is pending; true when nothing is left. */
    boolean flush() throws IOException;

    /** Ends our side of the stream after the answer (TLS: close_notify first); the peer may still send. */
    void shutdownOutput() throws IOException;

    /** Whether this connection is TLS: only then do passwords and keys travel on it. */
    boolean secure();
}
