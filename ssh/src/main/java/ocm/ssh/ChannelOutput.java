package ocm.ssh;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The channel's output as the screen writes it. Once a write fails the channel is closed (the
 * user disconnected): that ends the session ({@code onClosed}), it is no failure of the screen,
 * and later writes of the frame being drawn are dropped.
 */
final class ChannelOutput extends OutputStream {
    private final OutputStream out;
    private final Runnable onClosed;
    private volatile boolean closed;

    ChannelOutput(OutputStream out, Runnable onClosed) {
        this.out = out;
        this.onClosed = onClosed;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (closed) {
            return;
        }
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            gone();
        }
    }

    @Override
    public void flush() {
        if (closed) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            gone();
        }
    }

    private void gone() {
        closed = true;
        onClosed.run();
    }
}
