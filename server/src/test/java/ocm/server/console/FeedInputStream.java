package ocm.server.console;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Keystrokes for a console under test: bytes fed on demand, blocking reads in between, end of input on request. */
final class FeedInputStream extends InputStream {
    private static final int END = -1;
    private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

    FeedInputStream feed(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        return this;
    }

    void end() {
        bytes.add(END);
    }

    @Override
    public int read() {
        try {
            int b = bytes.take();
            if (b == END) {
                bytes.add(END); // stays ended for every later read
            }
            return b;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int first = read();
        if (first == END) {
            return END;
        }
        buffer[offset] = (byte) first;
        int n = 1;
        while (n < length) {
            Integer next = bytes.peek();
            if (next == null || next == END) {
                break;
            }
            buffer[offset + n++] = (byte) (int) bytes.poll();
        }
        return n;
    }

    @Override
    public int available() {
        Integer next = bytes.peek();
        return next == null || next == END ? 0 : bytes.size();
    }
}
