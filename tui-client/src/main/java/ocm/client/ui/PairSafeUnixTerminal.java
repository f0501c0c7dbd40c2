package ocm.client.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * The Unix terminal, able to write characters outside the BMP (most emoji). Lanterna 3.1 encodes
 * what it writes one Java char at a time, so each half of a surrogate pair came out as '?'; here
 * a high surrogate waits for its low one and the pair is encoded whole. Screen thread only, as
 * every Lanterna terminal.
 */
public final class PairSafeUnixTerminal extends UnixTerminal {
    private char high;

    public PairSafeUnixTerminal(InputStream in, OutputStream out, Charset charset, CtrlCBehaviour ctrlC) throws IOException {
        super(in, out, charset, ctrlC);
    }

    @Override
    public void putCharacter(char c) throws IOException {
        if (Character.isHighSurrogate(c)) {
            flushLoneHigh();
            high = c;
        } else if (Character.isLowSurrogate(c) && high != 0) {
            writeToTerminal(new String(new char[] {high, c}).getBytes(getCharset()));
            high = 0;
        } else {
            flushLoneHigh();
            super.putCharacter(c);
        }
    }

    @Override
    public void setCursorPosition(int x, int y) throws IOException {
        flushLoneHigh(); // a '?' belongs in the cell where the half pair was put, not where the cursor goes
        super.setCursorPosition(x, y);
    }

    @Override
    public void setCursorPosition(TerminalPosition position) throws IOException {
        flushLoneHigh();
        super.setCursorPosition(position);
    }

    @Override
    public void flush() throws IOException {
        flushLoneHigh();
        super.flush();
    }

    /** Writes an escape sequence or the bell as given (the notifier's) and flushes it. */
    public void writeControl(byte[] bytes) throws IOException {
        flushLoneHigh();
        writeToTerminal(bytes);
        super.flush();
    }

    /** A high surrogate with no low one after it: written as Lanterna would, a '?' in its cell. */
    private void flushLoneHigh() throws IOException {
        if (high != 0) {
            high = 0;
            super.putCharacter('?');
        }
    }
}
