package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import ocm.protocol.ErrorCode;
import ocm.protocol.ProtocolException;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A v2 Register replays the member list and history; re-registering with ever-new session ids
 * must not turn a few bytes in into hundreds of kilobytes out, to the sender or (forged source
 * address) to someone else. Counts bytes, never time.
 */
class RegisterAmplificationTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final int HISTORY = 100;
    static final int TEXT = 3500;
    static final int N = 40;
    /** The server's V2Handler.NEW_SESSION_BURST (package-private there). */
    static final int NEW_SESSION_BURST = 3;

    private ChatServer server;
    private V2TestClient alice;
    private TcrpClient tcrp;

    /** A bare v2 endpoint: sends what it is told, counts every byte both ways, acks every delivery. */
    private static final class Raw implements AutoCloseable {
        final DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        final InetSocketAddress server;
        final String room;
        final String token;
        final boolean acks;
        final Thread reader;
        volatile boolean running = true;
        long bytesIn;
        long bytesOut;
        int welcomes;
        int reliable;
        final Set<Long> pongs = new HashSet<>();
        int rateLimited;

        Raw(int port, String room, String token, boolean acks) throws SocketException {
            socket.setReceiveBufferSize(8 << 20);
            socket.setSoTimeout(20);
            this.server = new InetSocketAddress("127.0.0.1", port);
            this.room = room;
            this.token = token;
            this.acks = acks;
            this.reader = new Thread(this::read, "ocm-recv");
            reader.setDaemon(true);
            reader.start();
        }

        synchronized void send(Packet... packets) throws Exception {
            byte[] b = V2Codec.encode(new V2Datagram(room, token, List.of(packets)));
            bytesOut += b.length;
            socket.send(new DatagramPacket(b, b.length, server));
        }

        private void read() {
            byte[] buf = new byte[65536];
            while (running) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (Exception e) {
                    return;
                }
                try {
                    onDatagram(p.getLength(), V2Codec.decode(ByteBuffer.wrap(buf, 0, p.getLength())));
                } catch (Exception e) {
                    // not v2: counted, nothing else
                }
            }
        }

        private void onDatagram(int length, V2Datagram d) throws Exception {
            int maxDseq = Integer.MIN_VALUE;
            synchronized (this) {
                bytesIn += length;
                for (Packet p : d.packets()) {
                    if (p instanceof Packet.Welcome) {
                        welcomes++;
                    } else if (p instanceof Packet.Pong pong) {
                        pongs.add(pong.nonce());
                    } else if (p instanceof Packet.Error e && e.code() == ErrorCode.RATE_LIMITED) {
                        rateLimited++;
                    } else if (p instanceof Packet.Reliable r) {
                        reliable++;
                        maxDseq = maxDseq == Integer.MIN_VALUE ? r.dseq() : Math.max(maxDseq, r.dseq());
                    }
                }
                notifyAll();
            }
            if (acks && maxDseq != Integer.MIN_VALUE) {
                // Acks stop retransmissions, so the count is what a Register caused, not how slow the test was.
                send(new Packet.Ack(maxDseq, 0));
            }
        }

        synchronized void await(String what, BooleanSupplier c) throws InterruptedException {
            long end = System.currentTimeMillis() + WAIT.toMillis();
            while (!c.getAsBoolean()) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what);
                }
                wait(left);
            }
        }

        /** Registers with a new session asking for all history, then pings and waits for that pong. */
        void registerAnew(int i) throws Exception {
            send(new Packet.Register(0x1000 + i, 0, 0));
            send(new Packet.Ping(i));
            await("pong " + i, () -> pongs.contains((long) i));
        }

        @Override
        public void close() {
            running = false;
            socket.close();
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @BeforeEach
    void fillHistory() throws Exception {
        server = new ChatServer(ServerConfig.forTests().withRate(100_000, 100_000)).start();
        tcrp = new TcrpClient(server.tcpPort());
        alice = new V2TestClient(server.udpPort(), "loud", tcrp.create("loud", "alice", Optional.empty(), 2).admission().token());
        alice.register();
        alice.awaitRegistered(WAIT);
        for (int i = 0; i < HISTORY; i++) {
            alice.say(i + " " + "z".repeat(TEXT));
        }
        alice.await("history full", () -> alice.accepted().size() == HISTORY, WAIT);
    }

    @AfterEach
    void stop() {
        alice.close();
        server.close();
    }

    @Test
    void reRegisteringWithNewSessionsFromItsOwnAddressGetsTheHistoryOnlyAFewTimes() throws Exception {
        String token = tcrp.join("loud", "mallory", Optional.empty(), 2).admission().token();
        long historyBytes = (long) HISTORY * TEXT;
        try (Raw mallory = new Raw(server.udpPort(), "loud", token, true)) {
            for (int i = 0; i < N; i++) {
                mallory.registerAnew(i);
            }
            long in;
            long out;
            synchronized (mallory) {
                in = mallory.bytesOut;
                out = mallory.bytesIn;
            }
            // Burst of new sessions, plus one for a token that may come back while the test runs.
            long bound = (long) (NEW_SESSION_BURST + 1) * (historyBytes + 10_000) + (long) N * 500;
            assertTrue(out < bound, N + " re-registers: " + in + " bytes in, " + out + " bytes out (" + (out / in)
                    + "x); at most " + bound + " allowed");
            assertTrue(out > historyBytes, "the first register does get the history");
            synchronized (mallory) {
                assertTrue(mallory.rateLimited > 0, "refused registers are told RATE_LIMITED");
            }
        }
    }

    @Test
    void aRegisterFromAnotherAddressGetsNoHistoryUntilItProvesItSawTheWelcome() throws Exception {
        String token = tcrp.join("loud", "carol", Optional.empty(), 2).admission().token();
        try (V2TestClient carol = new V2TestClient(server.udpPort(), "loud", token)) {
            carol.register();
            carol.await("history", () -> carol.messages().size() == HISTORY, WAIT);
            // A forged source address: the "victim" receives but never answers.
            try (Raw victim = new Raw(server.udpPort(), "loud", token, false)) {
                for (int i = 0; i < N; i++) {
                    victim.registerAnew(i);
                }
                long in;
                long out;
                synchronized (victim) {
                    in = victim.bytesOut;
                    out = victim.bytesIn;
                }
                assertTrue(out < (long) N * 1000, N + " forged registers: " + in + " bytes in, " + out
                        + " bytes out to the victim (" + (out / Math.max(1, in)) + "x)");
            }
        }
    }

    @Test
    void aClientThatMovedGetsItsHistoryOnceItAcks() throws Exception {
        String token = tcrp.join("loud", "dave", Optional.empty(), 2).admission().token();
        try (V2TestClient before = new V2TestClient(server.udpPort(), "loud", token)) {
            before.register();
            before.await("history", () -> before.messages().size() == HISTORY, WAIT);
        }
        // Same member, new socket (a new address), fresh client state: since = 0.
        try (V2TestClient after = new V2TestClient(server.udpPort(), "loud", token)) {
            after.register();
            after.await("history after the move", () -> after.messages().size() == HISTORY, WAIT);
            assertEquals(0, after.staleDeliveries());
        }
    }
}
