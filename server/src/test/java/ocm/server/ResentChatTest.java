package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import ocm.protocol.ProtocolException;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;
import ocm.server.config.ServerConfig;
import ocm.server.store.JsonRoomStore;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat the server relayed whose Accepted (and Ack) the client never saw is sent again in a new
 * session: within one run, after a graceful restart and after a kill. It is relayed once, and the
 * client is told the message id it got the first time, before the history that holds it.
 */
class ResentChatTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final int FIRST_SEQ = -2; // crosses the 2^32 wrap on the way

    @TempDir
    Path dir;

    private ServerConfig config() {
        return ServerConfig.forTests().withDataDir(Optional.of(dir));
    }

    @Test
    void inOneRunTheResentChatIsAcceptedAgainNotRelayedTwice() throws Exception {
        resentChatIsRelayedOnce(Restart.NONE);
    }

    @Test
    void afterAGracefulRestartTheResentChatIsAcceptedAgainNotRelayedTwice() throws Exception {
        resentChatIsRelayedOnce(Restart.GRACEFUL);
    }

    @Test
    void afterAKillFollowingASaveTheResentChatIsAcceptedAgainNotRelayedTwice() throws Exception {
        resentChatIsRelayedOnce(Restart.KILL_AFTER_SAVE);
    }

    private enum Restart { NONE, GRACEFUL, KILL_AFTER_SAVE }

    private void resentChatIsRelayedOnce(Restart restart) throws Exception {
        ChatServer server = new ChatServer(config()).start();
        V2TestClient alice = null;
        try (RawV2 bob = new RawV2()) {
            TcrpClient tcrp = new TcrpClient(server.tcpPort());
            Admission a = tcrp.create("replay", "alice", Optional.empty(), 2).admission();
            Admission b = tcrp.join("replay", "bob", Optional.empty(), 2).admission();
            alice = new V2TestClient(server.udpPort(), "replay", a.token(), 200);
            alice.register();
            alice.awaitRegistered(WAIT);
            bob.to(server.udpPort(), "replay", b.token());

            bob.send(new Packet.Register(1, 0, FIRST_SEQ));
            bob.receiveUntil(p -> p instanceof Packet.Welcome);
            bob.send(new Packet.Chat(FIRST_SEQ, false, "one"), new Packet.Chat(FIRST_SEQ + 1, false, "two"));
            // The server's answers are read and forgotten, as if lost.
            Packet.Accepted first = (Packet.Accepted) bob.receiveUntil(
                    p -> p instanceof Packet.Accepted x && x.seq() == FIRST_SEQ + 1);
            V2TestClient aliceNow = alice;
            aliceNow.await("two", () -> aliceNow.messages().size() == 2, WAIT);

            if (restart == Restart.GRACEFUL) {
                server.close();
            } else if (restart == Restart.KILL_AFTER_SAVE) {
                server.saveNow();
                assertTrue(Files.readString(dir.resolve(JsonRoomStore.FILE)).contains("\"chatNext\":" + Integer.toUnsignedLong(FIRST_SEQ + 2)));
                server.halt();
            }
            if (restart != Restart.NONE) {
                server = new ChatServer(config()).start();
                alice.retarget(server.udpPort());
                bob.to(server.udpPort(), "replay", b.token());
            }

            // A new session that still holds both chats as unacknowledged.
            bob.clear();
            bob.send(new Packet.Register(2, 0, FIRST_SEQ));
            bob.receiveUntil(p -> p instanceof Packet.Welcome w && w.session() == 2);
            Packet.Accepted again = (Packet.Accepted) bob.receiveUntil(
                    p -> p instanceof Packet.Accepted x && x.seq() == FIRST_SEQ + 1);
            assertEquals(first.msgId(), again.msgId());
            assertEquals(first.timestampMillis(), again.timestampMillis());
            List<Packet> beforeHistory = bob.received().subList(0, bob.received().indexOf(again));
            assertTrue(beforeHistory.stream().noneMatch(p -> p instanceof Packet.ChatMessage),
                    "the Accepted must come before the history: " + beforeHistory);

            // The client resends them anyway: each is Accepted again with its id, relayed no more.
            bob.send(new Packet.Chat(FIRST_SEQ, false, "one"), new Packet.Chat(FIRST_SEQ + 1, false, "two"),
                    new Packet.Chat(FIRST_SEQ + 2, false, "three"));
            Packet.Accepted third = (Packet.Accepted) bob.receiveUntil(
                    p -> p instanceof Packet.Accepted x && x.seq() == FIRST_SEQ + 2);
            assertTrue(third.msgId() > first.msgId());
            assertTrue(bob.received().stream().anyMatch(p -> p instanceof Packet.Accepted x
                    && x.seq() == FIRST_SEQ && x.msgId() == first.msgId() - 1));
            aliceNow.await("three", () -> aliceNow.messages().stream().anyMatch(m -> m.text().equals("three")), WAIT);
            assertEquals(List.of("one", "two", "three"),
                    aliceNow.messages().stream().map(Packet.ChatMessage::text).collect(Collectors.toList()));
        } finally {
            server.close();
            if (alice != null) {
                alice.close();
            }
        }
    }

    @Test
    void aNewSessionFarBehindWhatWasProcessedIsTakenAtItsWord() throws Exception {
        try (ChatServer server = new ChatServer(config()).start(); RawV2 bob = new RawV2()) {
            TcrpClient tcrp = new TcrpClient(server.tcpPort());
            tcrp.create("fresh", "alice", Optional.empty(), 2).admission();
            Admission b = tcrp.join("fresh", "bob", Optional.empty(), 2).admission();
            bob.to(server.udpPort(), "fresh", b.token());
            bob.send(new Packet.Register(1, 0, 1000));
            bob.receiveUntil(p -> p instanceof Packet.Welcome);
            bob.send(new Packet.Chat(1000, false, "old space"));
            bob.receiveUntil(p -> p instanceof Packet.Accepted x && x.seq() == 1000 && x.msgId() > 0);
            // A client that starts its seqs over far from there (a new process) is not mistaken for a resend.
            bob.send(new Packet.Register(2, 0, 5));
            bob.receiveUntil(p -> p instanceof Packet.Welcome w && w.session() == 2);
            bob.send(new Packet.Chat(5, false, "new space"));
            Packet.Accepted a = (Packet.Accepted) bob.receiveUntil(p -> p instanceof Packet.Accepted x && x.seq() == 5);
            assertTrue(a.msgId() > 0, "relayed, not taken for a duplicate");
        }
    }

    /** A bare v2 endpoint: sends what the test says, keeps every packet that comes back. */
    private static final class RawV2 implements AutoCloseable {
        private final DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        private final List<Packet> received = new ArrayList<>();
        /** Packets before this index were looked at by an earlier {@link #receiveUntil}. */
        private int looked;
        private InetSocketAddress server;
        private String room;
        private String token;

        RawV2() throws IOException {
            socket.setSoTimeout(50);
        }

        void to(int udpPort, String room, String token) {
            this.server = new InetSocketAddress("127.0.0.1", udpPort);
            this.room = room;
            this.token = token;
        }

        void send(Packet... packets) throws IOException {
            byte[] bytes = V2Codec.encode(new V2Datagram(room, token, Arrays.asList(packets)));
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        }

        void clear() {
            received.clear();
            looked = 0;
        }

        List<Packet> received() {
            return received;
        }

        /**
         * The next packet that matches, among those received but not yet looked at, then those to
         * come (deliveries are acked, so the server has nothing to resend).
         */
        Packet receiveUntil(Predicate<Packet> wanted) throws IOException, ProtocolException {
            long end = System.nanoTime() + WAIT.toNanos();
            byte[] buf = new byte[65536];
            while (System.nanoTime() < end) {
                while (looked < received.size()) {
                    Packet p = received.get(looked++);
                    if (wanted.test(p)) {
                        return p;
                    }
                }
                DatagramPacket dp = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(dp);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                V2Datagram d = V2Codec.decode(ByteBuffer.wrap(buf, 0, dp.getLength()));
                for (Packet p : d.packets()) {
                    received.add(p);
                    if (p instanceof Packet.Reliable r) {
                        send(new Packet.Ack(r.dseq(), 0));
                    }
                }
            }
            throw new AssertionError("never received the packet; got " + received);
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
