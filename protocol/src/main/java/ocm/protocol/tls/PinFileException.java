package ocm.protocol.tls;

import ocm.protocol.ProtocolException;

/** A line of the pin file that does not read; the message names the line and what is wrong. */
public final class PinFileException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    private final int line;

    public PinFileException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
