package ocm.client.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import ocm.client.term.SurrogatePairs;

/**
 * The Unix terminal, able to write characters outside the BMP (most emoji): every char goes
 * through {@link SurrogatePairs}, the fix this terminal shares with the SSH channel's
 * ({@link ocm.client.term.StreamTerminal}). Screen thread only, as every Lanterna terminal.
 */
public final class PairSafeUnixTerminal extends UnixTerminal {
    private final SurrogatePairs pairs;

    public PairSafeUnixTerminal(InputStream in, OutputStream out, Charset charset, CtrlCBehaviour ctrlC) throws IOException {
        super(in, out, charset, ctrlC);
        this.pairs = new SurrogatePairs(new SurrogatePairs.Output() {
            @Override
            public void bytes(byte[] encoded) throws IOException {
                writeToTerminal(encoded);
            }

            @Override
            public void character(char c) throws IOException {
                PairSafeUnixTerminal.super.putCharacter(c);
            }

            @Override
            public Charset charset() {
                return getCharset();
            }
        });
    }

    @Override
    public void putCharacter(char c) throws IOException {
        pairs.put(c);
    }

    @Override
    public void setCursorPosition(int x, int y) throws IOException {
        pairs.flushLoneHigh(); // a '?' belongs in the cell where the half pair was put, not where the cursor goes
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

    /** Writes an escape sequence or the bell as given (the notifier's) and flushes it. */
    public void writeControl(byte[] bytes) throws IOException {
        pairs.flushLoneHigh();
        writeToTerminal(bytes);
        super.flush();
    }
}
