package ocm.server.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The last step of the walk: one datagram out. The relay's socket in production; a recorder in
 * tests that drive the relay by hand, so they need no socket.
 */
@FunctionalInterface
public interface DatagramSender {
    /** Sends the buffer's remaining bytes to {@code to}; returns the bytes sent, 0 if the socket had no room. */
    int send(ByteBuffer datagram, InetSocketAddress to) throws IOException;
}
