package ocm.server;

import static ocm.server.testing.Waiting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.protocol.ProtocolException;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;
import ocm.server.admin.UserView;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Never send anything larger than the request to an address that has not registered with a valid token":
 * datagrams with unknown tokens, revoked tokens and live tokens from the wrong address, v1 and v2, each
 * get nothing or an answer no larger than themselves. Each probe is followed by a ping from a member of
 * another room at the same address; its pong marks the end of whatever the probe caused (the relay
 * answers in order), so "nothing" is proven without waiting on a clock.
 */
class NoAmplificationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ROOM = "amp";
    private static final String SENTINEL = "sentinel";

    private ChatServer server;
    private TcrpClient tcrp;
    private V2TestClient alice;
    private V1TestClient bob;
    private Probe own;
    private Probe stranger;
    private String aliceToken;
    private String bobToken;
    private String carolToken;
    private String danToken;
    private long nonce;

    /** A raw socket with a sentinel member of its own, to mark the end of what a probe caused. */
    private final class Probe implements AutoCloseable {
        final DatagramChannel ch = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        final String sentinelToken;

        Probe(String sentinelToken) throws IOException {
            this.sentinelToken = sentinelToken;
            ch.socket().setSoTimeout((int) WAIT.toMillis());
        }

        void send(byte[] datagram) throws IOException {
            ch.send(ByteBuffer.wrap(datagram), new InetSocketAddress("127.0.0.1", server.udpPort()));
        }

        /** Sends the datagram, then a sentinel ping; returns the sizes of everything the probe caused. */
        List<Integer> answersTo(byte[] datagram) throws IOException {
            long n = ++nonce;
            send(datagram);
            send(V2Codec.encode(V2Datagram.of(SENTINEL, sentinelToken, new Packet.Ping(n))));
            List<Integer> sizes = new ArrayList<>();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (true) {
                buf.clear();
                int size = receive(buf);
                V2Datagram d = decodeV2(buf.flip());
                if (d != null && d.room().equals(SENTINEL)) {
                    if (d.packets().stream().anyMatch(p -> p instanceof Packet.Pong pong && pong.nonce() == n)) {
                        return sizes;
                    }
                    continue; // the sentinel's own traffic (welcome, member list, retransmissions)
                }
                sizes.add(size);
            }
        }

        private int receive(ByteBuffer buf) throws IOException {
            // The socket adaptor honours the timeout, so a server that never answers fails the test instead of hanging.
            java.net.DatagramPacket p = new java.net.DatagramPacket(buf.array(), buf.capacity());
            try {
                ch.socket().receive(p);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no pong for the sentinel: the server stopped answering");
            }
            buf.position(p.getLength());
            return p.getLength();
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    private static V2Datagram decodeV2(ByteBuffer b) {
        try {
            return V2Codec.decode(b);
        } catch (ProtocolException | RuntimeException e) {
            return null;
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new ChatServer(ServerConfig.forTests()).start();
        tcrp = new TcrpClient(server.tcpPort());
        Admission a = tcrp.create(ROOM, "alice", Optional.empty(), 2).admission();
        Admission b = tcrp.join(ROOM, "bob").admission();
        carolToken = tcrp.join(ROOM, "carol", Optional.empty(), 2).admission().token();
        danToken = tcrp.join(ROOM, "dan").admission().token();
        String eve = tcrp.create(SENTINEL, "eve", Optional.empty(), 2).admission().token();
        String fay = tcrp.join(SENTINEL, "fay", Optional.empty(), 2).admission().token();
        aliceToken = a.token();
        bobToken = b.token();
        alice = new V2TestClient(server.udpPort(), ROOM, aliceToken);
        bob = new V1TestClient(server.udpPort(), ROOM, bobToken);
        alice.register();
        bob.register();
        alice.awaitRegistered(WAIT);
        own = new Probe(eve);
        stranger = new Probe(fay);
        // carol (v2) and dan (v1) register from "own", then are kicked: their tokens are revoked with that address.
        own.send(V2Codec.encode(V2Datagram.of(ROOM, carolToken, new Packet.Register(7, 0, 0))));
        own.send(V1Codec.encodeClient(ROOM, danToken, V1Codec.REGISTER));
        awaitRegistered("carol");
        awaitRegistered("dan");
        awaitRegistered("bob");
        server.admin().kick(ROOM, "carol", "");
        server.admin().kick(ROOM, "dan", "");
        own.send(V2Codec.encode(V2Datagram.of(SENTINEL, eve, new Packet.Register(1, 0, 0))));
        stranger.send(V2Codec.encode(V2Datagram.of(SENTINEL, fay, new Packet.Register(1, 0, 0))));
        // Whatever the kicks and registers sent is consumed here, before the first real probe.
        own.answersTo(new byte[0]);
        stranger.answersTo(new byte[0]);
    }

    private void awaitRegistered(String name) {
        await(name + " registered").atMost(WAIT).until(() -> server.admin().users(Optional.of(ROOM)).stream()
                .anyMatch(u -> u.name().equals(name) && u.address().isPresent()));
    }

    @AfterEach
    void stop() throws IOException {
        alice.close();
        bob.close();
        if (own != null) {
            own.close();
            stranger.close();
        }
        server.close();
    }

    private static byte[] v2(String token, Packet p) {
        return V2Codec.encode(V2Datagram.of(ROOM, token, p));
    }

    private static void assertNoLarger(byte[] request, List<Integer> answers, String what) {
        for (int size : answers) {
            assertTrue(size <= request.length, what + ": answered " + size + " bytes to a " + request.length + "-byte datagram");
        }
    }

    private void assertSilent(Probe from, byte[] request, String what) throws IOException {
        List<Integer> answers = from.answersTo(request);
        assertEquals(List.of(), answers, what + " got an answer");
    }

    @Test
    void unknownTokensGetNothing() throws Exception {
        String bogus = "token_" + "0".repeat(32);
        assertSilent(stranger, v2(bogus, new Packet.Register(1, 0, 0)), "v2 register, unknown token");
        assertSilent(stranger, v2(bogus, new Packet.Ping(1)), "v2 ping, unknown token");
        assertSilent(stranger, v2(bogus, new Packet.Chat(0, false, "hi")), "v2 chat, unknown token");
        assertSilent(stranger, V1Codec.encodeClient(ROOM, bogus, V1Codec.REGISTER), "v1 register, unknown token");
        assertSilent(stranger, V1Codec.encodeClient(ROOM, bogus, "hi"), "v1 chat, unknown token");
    }

    @Test
    void revokedTokensFromAnotherAddressGetNothing() throws Exception {
        assertSilent(stranger, v2(carolToken, new Packet.Ping(1)), "v2 ping, revoked token, other address");
        assertSilent(stranger, v2(carolToken, new Packet.Register(8, 0, 0)), "v2 register, revoked token, other address");
        assertSilent(stranger, V1Codec.encodeClient(ROOM, danToken, "hi"), "v1 chat, revoked token, other address");
        assertSilent(stranger, V1Codec.encodeClient(ROOM, danToken, V1Codec.REGISTER), "v1 register, revoked token, other address");
    }

    @Test
    void revokedTokensFromTheirOwnAddressGetAnAnswerNoLargerThanTheRequest() throws Exception {
        byte[] ping = v2(carolToken, new Packet.Ping(1));
        List<Integer> answers = own.answersTo(ping);
        assertFalse(answers.isEmpty(), "carol's client should hear again that it was kicked");
        assertNoLarger(ping, answers, "v2 ping, revoked token, own address");
        byte[] chat = V1Codec.encodeClient(ROOM, danToken, "x");
        answers = own.answersTo(chat);
        assertFalse(answers.isEmpty(), "dan's client should hear __ROOM_CLOSED__ again");
        assertNoLarger(chat, answers, "v1 chat, revoked token, own address");
    }

    @Test
    void liveTokensFromTheWrongAddressGetNothing() throws Exception {
        assertSilent(stranger, v2(aliceToken, new Packet.Ping(1)), "v2 ping, alice's token, other address");
        assertSilent(stranger, v2(aliceToken, new Packet.Chat(0, false, "hi")), "v2 chat, alice's token, other address");
        assertSilent(stranger, V1Codec.encodeClient(ROOM, bobToken, "hi"), "v1 chat, bob's token, other address");
        assertTrue(alice.messages().isEmpty(), "nothing from the wrong address was relayed");
        List<UserView> users = server.admin().users(Optional.of(ROOM));
        assertEquals(List.of("alice", "bob"), users.stream().map(UserView::name).toList());
    }
}
