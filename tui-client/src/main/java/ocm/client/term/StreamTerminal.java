package ocm.client.term;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * An ANSI terminal at the far end of a stream pair (an SSH channel): its size is told, not asked
 * (the pty request, then each window-change), and nothing is run on this machine's own tty, as
 * Lanterna's {@code UnixTerminal} would ({@code stty}). Writes surrogate pairs whole.
 */
public final class StreamTerminal extends ANSITerminal {
    private final SurrogatePairs pairs;
    private volatile TerminalSize size;

    public StreamTerminal(InputStream in, OutputStream out, Charset charset, TerminalSize initial) {
        super(in, out, charset);
        this.size = initial;
        this.pairs = new SurrogatePairs(new SurrogatePairs.Output() {
            @Override
            public void bytes(byte[] encoded) throws IOException {
                writeToTerminal(encoded);
            }

            @Override
            public void character(char c) throws IOException {
                StreamTerminal.super.putCharacter(c);
            }

            @Override
            public Charset charset() {
                return getCharset();
            }
        });
    }

    /** The far end's window changed: the screen redraws at this size on its next turn. Any thread. */
    public void resized(int columns, int rows) {
        TerminalSize s = new TerminalSize(Math.max(1, columns), Math.max(1, rows));
        size = s;
        onResized(s);
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }

    @Override
    public void putCharacter(char c) throws IOException {
        pairs.put(c);
    }

    @Override
    public void setCursorPosition(int x, int y) throws IOException {
        pairs.flushLoneHigh();
        super.setCursorPosition(x, y);
    }

    @Override
    public void setCursorPosition(TerminalPosition position) throws IOException {
        pairs.flushLoneHigh();
        super.setCursorPosition(position);
    }

    @Override
    public void flush() throws IOException {
        pairs.flushLoneHigh();
        super.flush();
    }
}
