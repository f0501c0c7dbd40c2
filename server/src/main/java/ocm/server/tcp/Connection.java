package ocm.server.tcp;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.server.tls.ConnectionIo;

/**
 * One client connection and where it is in its single request/answer exchange. The selector
 * thread ({@code ocm-tcp-0}) owns every mutable field; a worker reads only the final
 * {@link #channel} (to see whether the client hung up) and {@link #ip}.
 */
final class Connection implements OpenConnections.Entry {
    final SocketChannel channel;
    final String ip;
    final long deadline;
    final ByteBuffer header = ByteBuffer.allocate(TcrpCodec.HEADER_SIZE);
    TcrpHeader parsed;
    /** The request is complete and being answered: never evicted. */
    boolean dispatched;
    /** Its header was refused: after the refusal, read and drop what the client still sends, then close. */
    boolean refusedHeader;
    /** Bytes read and dropped after the request or a refused header. */
    long discarded;
    /** Clear or TLS, once the first bytes said which; null until then. */
    ConnectionIo io;
    ByteBuffer body;
    ByteBuffer out;
    /** The answer was handed to {@link #io} (what is left is the io's to flush). */
    boolean written;
    SelectionKey key;

    Connection(SocketChannel channel, String ip, long deadline) {
        this.channel = channel;
        this.ip = ip;
        this.deadline = deadline;
    }

    @Override
    public String ip() {
        return ip;
    }

    @Override
    public long deadline() {
        return deadline;
    }

    @Override
    public boolean beingAnswered() {
        return dispatched;
    }
}
