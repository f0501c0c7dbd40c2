package ocm.server.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * One TLS connection over a non-blocking channel, driven by the selector thread: the handshake
 * happens inside {@link #read} (and {@link #flush}) as records arrive. The engine's delegated
 * tasks (certificate signing, key agreement: about a millisecond) run inline; a TLS handshake
 * costs the selector thread that long once per connection.
 *
 * <p>Buffers are the engine's own session sizes (about 17 KB each, three per connection), bounded
 * like the connection count itself.
 */
public final class TlsIo implements ConnectionIo {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Records from the network not yet unwrapped (read mode after {@code flip}, kept in write mode between calls). */
    private final ByteBuffer netIn;
    /** Unwrapped application bytes not yet taken (kept in read mode). */
    private final ByteBuffer appIn;
    /** Records waiting to be sent (kept in read mode); grows to hold a whole answer, which the request handler bounds. */
    private ByteBuffer netOut;
    private boolean inputEnded;

    /** {@code firstBytes}: what was already read from the channel to tell TLS from TCRP. */
    public TlsIo(SocketChannel channel, SSLEngine engine, ByteBuffer firstBytes) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(Math.max(packet, firstBytes.remaining()));
        netIn.put(firstBytes);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        appIn.flip();
        this.netOut = ByteBuffer.allocate(packet);
        netOut.flip();
    }

    /**
     * Fills {@code dst} as far as the records at hand allow: records already read from the channel
     * raise no new readiness event, so everything that can be unwrapped is, before returning.
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            if (!appIn.hasRemaining()) {
                if (!inputEnded && channel.read(netIn) < 0) {
                    inputEnded = true;
                }
                unwrapAll();
                if (!appIn.hasRemaining()) {
                    break;
                }
            }
            total += transfer(appIn, dst);
        }
        if (total > 0) {
            return total;
        }
        return inputEnded || engine.isInboundDone() ? -1 : 0;
    }

    /** Unwraps every whole record in {@code netIn}, answering the handshake as it goes. */
    private void unwrapAll() throws IOException {
        netIn.flip();
        try {
            while (true) {
                appIn.compact();
                SSLEngineResult r;
                try {
                    r = engine.unwrap(netIn, appIn);
                } finally {
                    appIn.flip();
                }
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    return;
                }
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    return; // the caller takes what is unwrapped first
                }
                boolean progressed = driveHandshake(r.getHandshakeStatus());
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW && !progressed) {
                    return; // a partial record: wait for more
                }
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0 && !progressed) {
                    return;
                }
            }
        } finally {
            netIn.compact();
        }
    }

    /** Runs tasks and wraps handshake records while the engine asks; true if it did anything. */
    private boolean driveHandshake(HandshakeStatus status) throws IOException {
        boolean did = false;
        while (true) {
            if (status == HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
                status = engine.getHandshakeStatus();
                did = true;
            } else if (status == HandshakeStatus.NEED_WRAP) {
                status = wrap(EMPTY).getHandshakeStatus();
                did = true;
            } else {
                // One write for the whole flight: a write per record would meet Nagle and delayed ACKs (40 ms).
                flush();
                return did;
            }
        }
    }

    /** Wraps the whole answer at once (records pending in {@code netOut}), then sends what the channel takes. */
    @Override
    public void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            int before = src.remaining();
            wrap(src);
            if (src.remaining() == before) {
                throw new SSLException("the TLS engine took none of the answer (" + engine.getHandshakeStatus() + ")");
            }
        }
        flush();
    }

    /** Wraps into {@code netOut}, growing it when a record does not fit behind what is still pending. */
    private SSLEngineResult wrap(ByteBuffer src) throws IOException {
        while (true) {
            netOut.compact();
            SSLEngineResult r;
            try {
                r = engine.wrap(src, netOut);
            } finally {
                netOut.flip();
            }
            if (r.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW) {
                return r;
            }
            ByteBuffer bigger = ByteBuffer.allocate(netOut.capacity() * 2);
            bigger.put(netOut);
            bigger.flip();
            netOut = bigger;
        }
    }

    @Override
    public boolean flush() throws IOException {
        if (netOut.hasRemaining()) {
            channel.write(netOut);
        }
        return !netOut.hasRemaining();
    }

    @Override
    public void shutdownOutput() throws IOException {
        engine.closeOutbound();
        wrap(EMPTY);
        if (flush()) {
            channel.shutdownOutput();
        }
    }

    @Override
    public boolean secure() {
        return true;
    }

    private static int transfer(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        ByteBuffer slice = from.slice();
        slice.limit(n);
        to.put(slice);
        from.position(from.position() + n);
        return n;
    }
}
