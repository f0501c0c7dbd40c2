package ocm.server;

import ocm.server.config.ServerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.Features;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.testing.DeafV2Member;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.Test;

/**
 * The v2 format's ways to grow, against the real server: the Welcome's feature bits, rate and
 * burst; packets of optional types a newer client bundles with its chats are skipped (a numbered
 * one acknowledged in the chat stream) and the chats still relayed; the refusal code in Accepted.
 */
class WireExtensionTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theWelcomeCarriesTheMembersRateAndBurstAndNoFeatureTheServerDoesNotKnow() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests().withRate(2.5, 7)).start()) {
            Admission a = new TcrpClient(server.tcpPort()).create("grow", "alice", Optional.empty(), 2).admission();
            try (DeafV2Member alice = new DeafV2Member(server.udpPort(), "grow", a.token())) {
                alice.send(new Packet.Register(77, 0, 1, 0xFFFF_FFFF));
                Packet.Welcome w = alice.awaitPacket(Packet.Welcome.class, x -> x.session() == 77, WAIT);
                assertEquals(2500, w.rateMilli());
                assertEquals(7, w.burst());
                assertEquals(Features.agreed(0xFFFF_FFFF, Features.KNOWN), w.features());
                assertEquals(0, w.features(), "no feature is assigned yet");
                // A repeated Register gets the same Welcome again.
                alice.send(new Packet.Register(77, 0, 1, 0xFFFF_FFFF));
                assertEquals(new Packet.Welcome(77, w.firstDseq(), w.serverTimeMillis(), 0, 2500, 7),
                        alice.awaitPacket(Packet.Welcome.class, x -> x.session() == 77, WAIT));
            }
        }
    }

    @Test
    void optionalPacketsBundledWithChatsAreSkippedAndTheChatsRelayed() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            TcrpClient tcrp = new TcrpClient(server.tcpPort());
            Admission a = tcrp.create("grow", "alice", Optional.empty(), 2).admission();
            Admission b = tcrp.join("grow", "bob", Optional.empty(), 2).admission();
            try (V2TestClient alice = new V2TestClient(server.udpPort(), "grow", a.token());
                 DeafV2Member bob = new DeafV2Member(server.udpPort(), "grow", b.token())) {
                alice.register();
                alice.awaitRegistered(WAIT);
                bob.send(new Packet.Register(1, 0, 10));
                bob.awaitPacket(Packet.Welcome.class, w -> w.session() == 1, WAIT);

                // An unnumbered optional packet, a numbered one taking seq 10, then a chat at 11.
                bob.send(new Packet.Skipped(0x41, 0), new Packet.Skipped(0xC1, 10), new Packet.Chat(11, false, "after"));
                // (The Accepted of 11 comes in the same datagram, before this Ack: the relay below shows it was taken.)
                bob.awaitPacket(Packet.Ack.class, x -> x.cumulative() == 11, WAIT);
                // A numbered optional packet alone is acknowledged too, and the stream goes on after it.
                bob.send(new Packet.Skipped(0xFE, 12));
                bob.awaitPacket(Packet.Ack.class, x -> x.cumulative() == 12, WAIT);
                bob.send(new Packet.Chat(13, false, "later"));
                alice.await("both chats", () -> alice.messages().size() == 2, WAIT);
                assertEquals(List.of("after", "later"),
                        alice.messages().stream().map(Packet.ChatMessage::text).collect(Collectors.toList()));
            }
        }
    }

    @Test
    void aRefusedChatCarriesItsReasonInItsAccepted() throws Exception {
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            Admission a = new TcrpClient(server.tcpPort()).create("grow", "alice", Optional.empty(), 2).admission();
            try (DeafV2Member alice = new DeafV2Member(server.udpPort(), "grow", a.token())) {
                alice.send(new Packet.Register(5, 0, 1));
                alice.awaitPacket(Packet.Welcome.class, w -> w.session() == 5, WAIT);
                alice.send(new Packet.Chat(1, false, ""), new Packet.Chat(2, false, "fine"));
                assertEquals(Packet.Accepted.refused(1, 0, ErrorCode.BAD_REQUEST).refusal(),
                        alice.awaitPacket(Packet.Accepted.class, x -> x.seq() == 1, WAIT).refusal());
            }
        }
    }
}
