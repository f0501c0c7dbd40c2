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
                Combinators.combine(i32(), i32(), i32(), i32()).as(Packet.Register::new),
                Combinators.combine(i32(), bool(), text).as(Packet.Chat::new),
                Combinators.combine(i32(), i64()).as(Packet.Ack::new),
                i64().map(Packet.Ping::new),
                Arbitraries.just(new Packet.Leave()),
                Combinators.combine(name, note).as(Packet.Kick::new),
                note.map(Packet.Close::new),
                Combinators.combine(i32(), i32(), i64(), i32(), positive(), positive()).as(Packet.Welcome::new),
                Combinators.combine(i32(), i32().filter(id -> id != 0), i64()).as(Packet.Accepted::taken),
                Combinators.combine(i32(), i64(), Arbitraries.of(ErrorCode.class)).as(Packet.Accepted::refused),
                skipped(),
                Combinators.combine(i32(), i32(), i64(), bool(), name, text).as(Packet.ChatMessage::new),
                Combinators.combine(i32(), i64(), Arbitraries.of(EventKind.class), name, note).as(Packet.RoomEvent::new),
                Combinators.combine(i32(), member.list().ofMaxSize(12)).as(Packet.MemberList::new),
                Combinators.combine(i64(), i64()).as(Packet.Pong::new),
                Combinators.combine(Arbitraries.of(EndReason.class), note).as(Packet.Ended::new),
                Combinators.combine(Arbitraries.of(ErrorCode.class), note).as(Packet.Error::new));
        return Arbitraries.oneOf(all);
    }

    private static Arbitrary<Integer> positive() {
        return Arbitraries.integers().between(1, Integer.MAX_VALUE);
    }

    private static Arbitrary<Integer> optionalType() {
        return Arbitraries.integers().between(PacketType.FIRST_OPTIONAL, 0xFF);
    }

    /** A packet of an optional type nobody knows, as this side decodes it. */
    private static Arbitrary<Packet> skipped() {
        return Combinators.combine(optionalType(), i32())
                .as((t, n) -> new Packet.Skipped(t, PacketType.isNumbered(t) ? n : 0));
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

    /**
     * A newer peer's packet of an optional type (any body; a numbered one starts with its number)
     * put anywhere among known packets: it is skipped, its number kept, and the rest decoded.
     */
    @Property(tries = 1000, seed = "20261124")
    void unknownOptionalPacketsAreSkippedAndTheRestDecoded(@ForAll("datagrams") V2Datagram d,
            @ForAll("optionalTypes") int type, @ForAll int number, @ForAll @Size(max = 40) byte[] extra,
            @ForAll int at) throws ProtocolException {
        byte[] body = PacketType.isNumbered(type)
                ? Hex.concat(new byte[] {(byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8), (byte) number}, extra)
                : extra;
        Assume.that(encodedSize(d) + 3 + body.length <= Limits.MAX_DATAGRAM);
        int where = Math.floorMod(at, d.packets().size() + 1);
        ByteBuffer buf = ByteBuffer.allocate(Limits.MAX_DATAGRAM);
        V2Codec.writeHeader(buf, d.room().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                d.token().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i <= d.packets().size(); i++) {
            if (i == where) {
                buf.put((byte) type).put((byte) (body.length >> 8)).put((byte) body.length).put(body);
            }
            if (i < d.packets().size()) {
                V2Codec.writePacket(buf, d.packets().get(i));
            }
        }
        buf.flip();
        List<Packet> expected = new java.util.ArrayList<>(d.packets());
        expected.add(where, new Packet.Skipped(type, PacketType.isNumbered(type) ? number : 0));
        assertEquals(new V2Datagram(d.room(), d.token(), expected), V2Codec.decode(buf));
    }

    @Provide
    Arbitrary<Integer> optionalTypes() {
        return optionalType();
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
        Arbitrary<Integer> type = Arbitraries.oneOf(Arbitraries.of(PacketType.class).map(PacketType::code), optionalType());
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
