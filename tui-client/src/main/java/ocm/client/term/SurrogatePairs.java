package ocm.client.term;

import java.io.IOException;

/**
 * The client's surrogate-pair fix, shared by every terminal it draws on (the process tty, an SSH
 * channel). Lanterna 3.1 encodes what it writes one Java char at a time, so each half of a
 * surrogate pair (most emoji) came out as '?'; a terminal passes each char through here, a high
 * surrogate waits for its low one and the pair is written whole. One per terminal, screen thread
 * only, as every Lanterna terminal.
 */
public final class SurrogatePairs {
    /** Where a terminal writes: raw bytes, or one char the Lanterna way. */
    public interface Output {
        void bytes(byte[] encoded) throws IOException;

        void character(char c) throws IOException;

        java.nio.charset.Charset charset();
    }

    private final Output out;
    private char high;

    public SurrogatePairs(Output out) {
        this.out = out;
    }

    public void put(char c) throws IOException {
        if (Character.isHighSurrogate(c)) {
            flushLoneHigh();
            high = c;
        } else if (Character.isLowSurrogate(c) && high != 0) {
            out.bytes(new String(new char[] {high, c}).getBytes(out.charset()));
            high = 0;
        } else {
            flushLoneHigh();
            out.character(c);
        }
    }

    /**
     * A high surrogate with no low one after it: written as Lanterna would, a '?' in its cell.
     * Called before the cursor moves (the '?' belongs where the half pair was put) and on flush.
     */
    public void flushLoneHigh() throws IOException {
        if (high != 0) {
            high = 0;
            out.character('?');
        }
    }
}
