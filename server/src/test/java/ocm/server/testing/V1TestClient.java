package ocm.server.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import ocm.protocol.ProtocolException;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v1.V1ServerMessage;

/** A seed-style (UCRP v1) client for tests: one UDP socket, a receive thread, what arrived in a queue. */
public final class V1TestClient implements AutoCloseable {
    private final DatagramSocket socket;
    private volatile InetSocketAddress server;
    private final String room;
    private final String token;
    private final LinkedBlockingQueue<V1ServerMessage> inbox = new LinkedBlockingQueue<>();
    private final List<V1ServerMessage> seen = new ArrayList<>();
    private final Thread receiver;

    public V1TestClient(int udpPort, String room, String token) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        this.server = new InetSocketAddress("127.0.0.1", udpPort);
        this.room = room;
        this.token = token;
        this.receiver = new Thread(this::receive, "ocm-recv-v1");
        receiver.setDaemon(true);
        receiver.start();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Points at another server port (the same server restarted), keeping this socket and address. */
    public void retarget(int udpPort) {
        server = new InetSocketAddress("127.0.0.1", udpPort);
    }

    public void register() throws IOException {
        sendText(V1Codec.REGISTER);
    }

    public void leave() throws IOException {
        sendText(V1Codec.LEAVE);
    }

    public void sendText(String text) throws IOException {
        sendRaw(V1Codec.encodeClient(room, token, text));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /** Waits for a message matching {@code p}; earlier non-matching ones stay in {@link #seen()}. */
    public V1ServerMessage await(Predicate<V1ServerMessage> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching message within " + timeout + "; seen: " + seen());
            }
            V1ServerMessage m = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (m != null) {
                synchronized (seen) {
                    seen.add(m);
                }
                if (p.test(m)) {
                    return m;
                }
            }
        }
    }

    public V1ServerMessage.Chat awaitChat(String sender, String text, Duration timeout) throws InterruptedException {
        return (V1ServerMessage.Chat) await(m -> m instanceof V1ServerMessage.Chat c && c.sender().equals(sender)
                && c.text().equals(text), timeout);
    }

    public void awaitRoomClosed(Duration timeout) throws InterruptedException {
        await(m -> m instanceof V1ServerMessage.RoomClosed, timeout);
    }

    /** Everything received, whether or not it matched. */
    public List<V1ServerMessage> seen() {
        synchronized (seen) {
            List<V1ServerMessage> out = new ArrayList<>(seen);
            out.addAll(inbox);
            return out;
        }
    }

    private void receive() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                inbox.add(V1Codec.decodeServer(ByteBuffer.wrap(p.getData(), 0, p.getLength()).slice()));
            } catch (IOException e) {
                return;
            } catch (ProtocolException e) {
                // A test client just ignores what it cannot decode; the test sees it missing.
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
