package ocm.server;

import java.net.BindException;

/** A port the server must listen on is taken (most often by another server); names the port and the flag that moves it. */
public final class PortInUseException extends BindException {
    private static final long serialVersionUID = 1L;

    private final String protocol;
    private final int port;

    PortInUseException(String protocol, int port, BindException cause) {
        super(protocol + " port " + port + " is in use");
        this.protocol = protocol;
        this.port = port;
        initCause(cause);
    }

    public int port() {
        return port;
    }

    /** The command-line flag that picks another port for this socket. */
    public String flag() {
        return "--" + protocol.toLowerCase(java.util.Locale.ROOT) + "-port";
    }
}
