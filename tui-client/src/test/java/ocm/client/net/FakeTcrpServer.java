package ocm.client.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ocm.protocol.ProtocolException;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.Compliance;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;

/** Answers every create/join with a fixed token, on a thread of its own; 127.0.0.1 only. */
final class FakeTcrpServer implements AutoCloseable {
    static final String TOKEN = "token_test";
    private final ServerSocket server;
    private final Thread thread;
    private final int trickleMillis;
    private final CountDownLatch replying = new CountDownLatch(1);

    FakeTcrpServer() throws IOException {
        this(0);
    }

    /** With {@code trickleMillis > 0} it writes its replies one byte at a time, that long apart. */
    FakeTcrpServer(int trickleMillis) throws IOException {
        this.trickleMillis = trickleMillis;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "fake-tcrp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] header = new byte[TcrpCodec.HEADER_SIZE];
                in.readFully(header);
                TcrpHeader h = TcrpCodec.decodeHeader(header, 0, header.length);
                byte[] body = new byte[h.bodySize()];
                in.readFully(body);
                TcrpFrame f = TcrpCodec.decodeBody(h, body, 0, body.length);
                OutputStream out = s.getOutputStream();
                write(out, TcrpCodec.encode(TcrpMessages.encodeReply(f.operation(), f.roomName(), Compliance.ok())));
                Admission a = new Admission(TOKEN, f.roomName(), "alice", true, "alice", List.of("alice"), false);
                write(out, TcrpCodec.encode(TcrpMessages.encodeReply(f.operation(), f.roomName(), a)));
            } catch (IOException | ProtocolException | InterruptedException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void write(OutputStream out, byte[] bytes) throws IOException, InterruptedException {
        if (trickleMillis <= 0) {
            out.write(bytes);
            return;
        }
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            replying.countDown();
            Thread.sleep(trickleMillis); // the slow server under test, not a wait in the test
        }
    }

    /** Waits (generously) until a reply has started, so a client is surely mid-request. */
    void awaitFirstByteSent() throws InterruptedException {
        if (!replying.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the fake TCRP server never started a reply");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt(); // ends a trickle in progress
    }

    static Optional<String> none() {
        return Optional.empty();
    }
}
