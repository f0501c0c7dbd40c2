package ocm.server.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** A clear connection (seed TCRP clients): the channel itself. */
public final class PlainIo implements ConnectionIo {
    private final SocketChannel channel;
    private ByteBuffer pending;

    public PlainIo(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        pending = src;
        flush();
    }

    @Override
    public boolean flush() throws IOException {
        if (pending != null) {
            channel.write(pending);
        }
        return pending == null || !pending.hasRemaining();
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public boolean secure() {
        return false;
    }
}
