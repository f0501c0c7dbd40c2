package ocm.server.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Predicate;
import ocm.protocol.ProtocolException;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;

/**
 * A v2 member that never acknowledges anything on its own: it sends what the test tells it to
 * and reads what arrived only when asked. No thread; for members that fall behind or go deaf.
 */
public final class DeafV2Member implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String room;
    private final String token;

    public DeafV2Member(int udpPort, String room, String token) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setReceiveBufferSize(1 << 20);
        this.server = new InetSocketAddress("127.0.0.1", udpPort);
        this.room = room;
        this.token = token;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public void send(Packet... packets) throws IOException {
        byte[] bytes = V2Codec.encode(V2Datagram.of(room, token, packets));
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /** Reads what arrived, skipping everything else, until a packet matches; fails after {@code timeout}. */
    public <P extends Packet> P awaitPacket(Class<P> type, Predicate<P> p, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < end) {
            socket.setSoTimeout((int) Math.max(1, (end - System.nanoTime()) / 1_000_000));
            DatagramPacket d = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(d);
            } catch (SocketTimeoutException e) {
                break;
            }
            try {
                for (Packet pk : V2Codec.decode(ByteBuffer.wrap(buf, 0, d.getLength()).slice()).packets()) {
                    if (type.isInstance(pk) && p.test(type.cast(pk))) {
                        return type.cast(pk);
                    }
                }
            } catch (ProtocolException e) {
                // not for this test: skip it
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " arrived at " + localAddress());
    }

    @Override
    public void close() {
        socket.close();
    }
}
