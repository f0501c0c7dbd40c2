package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;
import org.junit.jupiter.api.Test;

/** The bench reads datagrams in place; these feed it what the protocol's own codec encodes. */
class WireParsingTest {
    private static final long SENT = 1_000_000L;

    private static String payload(long sendNanos) {
        ByteBuffer b = ByteBuffer.allocate(64);
        Payload.write(b, sendNanos, 3, 9, 40);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
    }

    private static ByteBuffer server(Packet... packets) {
        return ByteBuffer.wrap(V2Codec.encode(V2Datagram.of("room", "", packets)));
    }

    @Test
    void v2WelcomeThenBundledDeliveriesAreCountedOnceEachAndInOrder() throws Exception {
        try (DatagramChannel ch = DatagramChannel.open()) {
            BenchMember m = new BenchMember(0, 0, false, false, ch, V2Wire.prefix("room", "tok"), new V2State(77, false));
            V2Wire wire = new V2Wire(new Sender(), 40);
            LoopStats stats = new LoopStats(0, Long.MAX_VALUE);
            long now = SENT + 5_000;
            wire.receive(m, server(new Packet.Welcome(77, 500, 0, 0, 20_000, 40),
                    new Packet.MemberList(500, List.of(new Packet.Member("a", true, false)))), now, stats);
            wire.receive(m, server(new Packet.ChatMessage(501, 1, 0, false, "a", payload(SENT)),
                    new Packet.ChatMessage(502, 2, 0, false, "a", payload(SENT))), now, stats);
            wire.receive(m, server(new Packet.ChatMessage(502, 2, 0, false, "a", payload(SENT))), now, stats);
            assertEquals(2, stats.delivered);
            assertEquals(1, stats.duplicates);
            assertEquals(1, stats.other, "the member list");
            assertEquals(502, m.v2.inbox.cumulative(), "acknowledges up to the last one");
            assertEquals(5_000, stats.latency.max());
        }
    }

    @Test
    void v2OptionalPacketsOfANewerServerAreSkippedANumberedOneAckedAndTheBundledMessageCounted() throws Exception {
        try (DatagramChannel ch = DatagramChannel.open()) {
            BenchMember m = new BenchMember(0, 0, false, false, ch, V2Wire.prefix("room", "tok"), new V2State(77, false));
            V2Wire wire = new V2Wire(new Sender(), 40);
            LoopStats stats = new LoopStats(0, Long.MAX_VALUE);
            wire.receive(m, server(new Packet.Welcome(77, 500, 0, 0, 20_000, 40)), SENT, stats);
            wire.receive(m, server(new Packet.Skipped(0x50, 0), new Packet.Skipped(0x90, 500),
                    new Packet.ChatMessage(501, 1, 0, false, "a", payload(SENT))), SENT + 3, stats);
            assertEquals(0, stats.malformed);
            assertEquals(1, stats.delivered);
            assertEquals(501, m.v2.inbox.cumulative(), "the numbered one is acknowledged with the message");
            assertEquals(true, m.v2.ackPending);
        }
    }

    @Test
    void v2DeliveriesBeforeTheWelcomeAreNotTaken() throws Exception {
        try (DatagramChannel ch = DatagramChannel.open()) {
            BenchMember m = new BenchMember(0, 0, false, false, ch, V2Wire.prefix("room", "tok"), new V2State(77, false));
            V2Wire wire = new V2Wire(new Sender(), 40);
            LoopStats stats = new LoopStats(0, Long.MAX_VALUE);
            wire.receive(m, server(new Packet.ChatMessage(501, 1, 0, false, "a", payload(SENT))), SENT, stats);
            wire.receive(m, server(new Packet.Welcome(12345, 500, 0, 0, 20_000, 40)), SENT, stats);
            assertEquals(0, stats.delivered);
            assertEquals(false, m.v2.welcomed, "a Welcome for another session is ignored");
        }
    }

    @Test
    void v1DeliveriesNoticesAndRoomClosed() throws Exception {
        try (DatagramChannel ch = DatagramChannel.open()) {
            BenchMember m = new BenchMember(0, 0, false, false, ch, V1Wire.prefix("room", "tok"), null);
            V1Wire wire = new V1Wire(new Sender(), 40);
            LoopStats stats = new LoopStats(0, Long.MAX_VALUE);
            wire.receive(m, ByteBuffer.wrap(V1Codec.encodeServer("alice", payload(SENT))), SENT + 7, stats);
            wire.receive(m, ByteBuffer.wrap(V1Codec.encodeServer("*server*", "bob joined")), SENT, stats);
            wire.receive(m, ByteBuffer.wrap(V1Codec.roomClosed()), SENT, stats);
            assertEquals(1, stats.delivered);
            assertEquals(7, stats.latency.max());
            assertEquals(1, stats.other);
            assertEquals(1, stats.roomClosed);
        }
    }
}
