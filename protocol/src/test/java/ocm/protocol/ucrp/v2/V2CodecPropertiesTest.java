package ocm.protocol.ucrp.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import ocm.protocol.DecodeOnlyThrowsProtocolException;
import ocm.protocol.ErrorCode;
import ocm.protocol.Gen;
import ocm.protocol.Hex;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/** Round trips of generated v2 datagrams (bundled packet lists), and a decoder that survives any bytes. */
class V2CodecPropertiesTest {
    private static Arbitrary<Integer> i32() {
        return Arbitraries.integers();
    }

    private static Arbitrary<Long> i64() {
        return Arbitraries.longs();
    }

    private static Arbitrary<Boolean> bool() {
        return Arbitraries.of(true, false);
    }

    /** Any one packet, every type, every field generated; text within MAX_TEXT_BYTES. */
    static Arbitrary<Packet> packet() {
        Arbitrary<String> name = Gen.text(0, 63);
        Arbitrary<String> text = Gen.chatText();
        Arbitrary<String> note = Gen.text(0, 80);
        Arbitrary<Packet.Member> member = Combinators.combine(name, bool(), bool()).as(Packet.Member::new);
        List<Arbitrary<? extends Packet>> all = List.of(
                Combinators.combine(i32(), i32(), i32()).as(Packet.Register::new),
                Combinators.combine(i32(), bool(), text).as(Packet.Chat::new),
                Combinators.combine(i32(), i64()).as(Packet.Ack::new),
                i64().map(Packet.Ping::new),
                Arbitraries.just(new Packet.Leave()),
                Combinators.combine(name, note).as(Packet.Kick::new),
                note.map(Packet.Close::new),
                Combinators.combine(i32(), i32(), i64()).as(Packet.Welcome::new),
                Combinators.combine(i32(), i32(), i64()).as(Packet.Accepted::new),
                Combinators.combine(i32(), i32(), i64(), bool(), name, text).as(Packet.ChatMessage::new),
                Combinators.combine(i32(), i64(), Arbitraries.of(EventKind.class), name, note).as(Packet.RoomEvent::new),
                Combinators.combine(i32(), member.list().ofMaxSize(12)).as(Packet.MemberList::new),
                Combinators.combine(i64(), i64()).as(Packet.Pong::new),
                Combinators.combine(Arbitraries.of(EndReason.class), note).as(Packet.Ended::new),
                Combinators.combine(Arbitraries.of(ErrorCode.class), note).as(Packet.Error::new));
        return Arbitraries.oneOf(all);
    }

    @Provide
    Arbitrary<V2Datagram> datagrams() {
        Arbitrary<String> room = Gen.shortName();
        Arbitrary<String> token = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")), Tuple.of(2, Gen.text(0, 63)));
        return Combinators.combine(room, token, packet().list().ofMinSize(1).ofMaxSize(8)).as(V2Datagram::new);
    }

    private static int encodedSize(V2Datagram d) {
        int size = V2Codec.headerSize(Gen.utf8Length(d.room()), Gen.utf8Length(d.token()));
        for (Packet p : d.packets()) {
            size += V2Codec.packetSize(p);
        }
        return size;
    }

    @Property(tries = 1000, seed = "20261124")
    void datagramsRoundTrip(@ForAll("datagrams") V2Datagram d) throws ProtocolException {
        Assume.that(encodedSize(d) <= Limits.MAX_DATAGRAM);
        byte[] wire = V2Codec.encode(d);
        assertEquals(encodedSize(d), wire.length);
        assertEquals(d, V2Codec.decode(ByteBuffer.wrap(wire)));
    }

    @Property(tries = 300, seed = "20261124")
    void bundlingIsConcatenation(@ForAll("datagrams") V2Datagram d) throws ProtocolException {
        // Writing packets one by one after the header gives the same bytes as encode().
        Assume.that(encodedSize(d) <= Limits.MAX_DATAGRAM);
        ByteBuffer buf = ByteBuffer.allocate(Limits.MAX_DATAGRAM);
        V2Codec.writeHeader(buf, d.room().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                d.token().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Packet p : d.packets()) {
            if (p instanceof Packet.Reliable r) {
                V2Codec.writeReliable(buf, r.type(), r.dseq(), V2Codec.encodeReliableTail(r));
            } else {
                V2Codec.writePacket(buf, p);
            }
        }
        buf.flip();
        byte[] written = new byte[buf.remaining()];
        buf.get(written);
        assertEquals(Hex.of(V2Codec.encode(d)), Hex.of(written));
    }

    // ---- hostile input -----------------------------------------------------------------

    @Property(tries = 1000, seed = "20261124")
    void decodeOfRandomBytesThrowsOnlyProtocolException(@ForAll @Size(max = 300) byte[] bytes) {
        DecodeOnlyThrowsProtocolException.check(() -> V2Codec.decode(ByteBuffer.wrap(bytes)));
    }

    @Property(tries = 2000, seed = "20261124")
    void decodeOfRandomBytesAfterAValidPrefixThrowsOnlyProtocolException(@ForAll @Size(max = 300) byte[] tail) {
        DecodeOnlyThrowsProtocolException.check(() -> V2Codec.decode(ByteBuffer.wrap(Hex.concat("x:00 02 00", tail))));
    }

    @Provide
    Arbitrary<byte[]> plausiblePackets() {
        // Header for room "a", then packets with real type codes and small, mostly right lengths.
        Arbitrary<Integer> type = Arbitraries.of(PacketType.class).map(PacketType::code);
        Arbitrary<byte[]> onePacket = Combinators.combine(type, Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
                Arbitraries.integers().between(-2, 2)).as((t, body, skew) -> {
                    int len = Math.max(0, body.length + skew);
                    return Hex.concat(new byte[] {(byte) (int) t, (byte) (len >> 8), (byte) len}, body);
                });
        return onePacket.list().ofMinSize(1).ofMaxSize(4)
                .map(ps -> Hex.concat("x:00 02 00 01 00 61", Hex.concat(ps.toArray())));
    }

    @Property(tries = 3000, seed = "20261124")
    void decodeOfPlausiblePacketsThrowsOnlyProtocolException(@ForAll("plausiblePackets") byte[] bytes) {
        DecodeOnlyThrowsProtocolException.check(() -> V2Codec.decode(ByteBuffer.wrap(bytes)));
    }

    @Property(tries = 1000, seed = "20261124")
    void corruptedValidDatagramsThrowOnlyProtocolException(@ForAll("datagrams") V2Datagram d,
            @ForAll @Size(min = 1, max = 4) List<Integer> positions, @ForAll byte value, @ForAll boolean truncate) {
        Assume.that(encodedSize(d) <= Limits.MAX_DATAGRAM);
        byte[] wire = V2Codec.encode(d);
        for (int p : positions) {
            wire[Math.floorMod(p, wire.length)] = value;
        }
        byte[] input = truncate ? java.util.Arrays.copyOf(wire, Math.floorMod(positions.get(0), wire.length)) : wire;
        DecodeOnlyThrowsProtocolException.check(() -> V2Codec.decode(ByteBuffer.wrap(input)));
    }
}
