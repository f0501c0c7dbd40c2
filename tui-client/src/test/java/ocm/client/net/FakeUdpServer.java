package ocm.client.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import ocm.protocol.ProtocolException;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;

/** A scripted UDP peer on 127.0.0.1: the test reads what the client sent and answers by hand. */
final class FakeUdpServer implements AutoCloseable {
    private final DatagramSocket socket;
    private volatile SocketAddress client;

    FakeUdpServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(200);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The next datagram whose packets include one matching {@code wanted}, skipping others. */
    @SuppressWarnings("unchecked")
    <T extends Packet> T expect(Class<T> type, Predicate<T> wanted) throws IOException, ProtocolException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        byte[] buf = new byte[5000];
        while (System.nanoTime() < deadline) {
            DatagramPacket dp = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(dp);
            } catch (SocketTimeoutException e) {
                continue;
            }
            client = dp.getSocketAddress();
            V2Datagram d = V2Codec.decode(ByteBuffer.wrap(dp.getData(), 0, dp.getLength()));
            for (Packet p : d.packets()) {
                if (type.isInstance(p) && wanted.test((T) p)) {
                    return (T) p;
                }
            }
        }
        throw new AssertionError("the client sent no " + type.getSimpleName() + " matching the test within 10 s");
    }

    <T extends Packet> T expect(Class<T> type) throws IOException, ProtocolException {
        return expect(type, p -> true);
    }

    void send(String room, Packet... packets) throws IOException {
        byte[] bytes = V2Codec.encode(V2Datagram.of(room, "", packets));
        socket.send(new DatagramPacket(bytes, bytes.length, client));
    }

    @Override
    public void close() {
        socket.close();
    }
}
