package ocm.client.net;

import java.io.IOException;
import java.net.Socket;

/**
 * What a TCRP connection runs over once connected: TLS with a pinned server key
 * ({@code ocm.client.secure.PinnedTls}, what {@code ./chat client} uses), or {@link #CLEAR} for
 * tests against stand-in servers that speak only the seed's clear TCRP.
 */
@FunctionalInterface
public interface TcrpTransport {
    /** Clear TCRP, as the seed speaks it. Never used by {@code ./chat client}. */
    TcrpTransport CLEAR = (socket, host, port) -> socket;

    /** The socket to speak TCRP on, over the connected {@code socket}; nothing is sent before the server is checked. */
    Socket open(Socket socket, String host, int port) throws IOException, ClientException;
}
