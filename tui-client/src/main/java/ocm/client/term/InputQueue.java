package ocm.client.term;

import java.io.InputStream;

/**
 * Keys typed into a remote terminal (an SSH channel), handed over by whoever reads the connection
 * and read by Lanterna. It never blocks the pusher; {@link #onInput} runs after each push so the
 * UI can wait for input instead of polling for it. With {@code icrnl} (the pty's ICRNL mode, on
 * in every usual terminal) a CR becomes LF as a kernel tty would: Lanterna 3.1 reads Enter only
 * as LF and drops a lone CR, which is what an SSH client sends for Enter.
 */
public final class InputQueue extends InputStream {
    private static final int LIMIT = 1 << 20;

    private final boolean icrnl;
    private final Runnable onInput;
    private byte[] buf = new byte[256];
    private int head;
    private int size;
    private boolean ended;

    public InputQueue(boolean icrnl, Runnable onInput) {
        this.icrnl = icrnl;
        this.onInput = onInput;
    }

    /** Adds what was typed; beyond 1 MiB unread (a paste nobody reads) the rest is dropped. */
    public void push(byte[] data, int off, int len) {
        synchronized (this) {
            for (int i = 0; i < len && size < LIMIT; i++) {
                byte b = data[off + i];
                add(icrnl && b == '\r' ? (byte) '\n' : b);
            }
            notifyAll();
        }
        onInput.run();
    }

    /** The connection is gone: reads return end of stream once the rest is read. */
    public void end() {
        synchronized (this) {
            ended = true;
            notifyAll();
        }
        onInput.run();
    }

    private void add(byte b) {
        if (size == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = buf[(head + i) % buf.length];
            }
            buf = bigger;
            head = 0;
        }
        buf[(head + size) % buf.length] = b;
        size++;
    }

    @Override
    public synchronized int available() {
        // Lanterna reads only when something is available; at the end, 1 lets it read the end of stream.
        return size > 0 ? size : ended ? 1 : 0;
    }

    @Override
    public synchronized int read() {
        while (size == 0 && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        if (size == 0) {
            return -1;
        }
        int b = buf[head] & 0xff;
        head = (head + 1) % buf.length;
        size--;
        return b;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int first = read();
        if (first < 0) {
            return -1;
        }
        b[off] = (byte) first;
        int n = 1;
        while (n < len && size > 0) {
            b[off + n++] = (byte) read();
        }
        return n;
    }
}
