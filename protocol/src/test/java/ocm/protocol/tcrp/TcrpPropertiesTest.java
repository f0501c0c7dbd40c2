package ocm.protocol.tcrp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import ocm.protocol.DecodeOnlyThrowsProtocolException;
import ocm.protocol.ErrorCode;
import ocm.protocol.Gen;
import ocm.protocol.ProtocolException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Round trips of generated TCRP messages, and decoders that survive any bytes. */
class TcrpPropertiesTest {
    @Provide
    Arbitrary<TcrpFrame> frames() {
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Combinators.combine(Arbitraries.of(Operation.class), Arbitraries.of(State.class), Gen.shortName(), payload)
                .as(TcrpFrame::new);
    }

    @Property(tries = 500, seed = "20261124")
    void framesRoundTrip(@ForAll("frames") TcrpFrame frame) throws ProtocolException {
        assertEquals(frame, TcrpCodec.decode(TcrpCodec.encode(frame)));
    }

    @Provide
    Arbitrary<TcrpRequest> requests() {
        Arbitrary<Optional<String>> password = Gen.text(0, 40).optional();
        Arbitrary<Integer> protocol = Arbitraries.integers().between(1, 5);
        Arbitrary<TcrpRequest> create = Combinators.combine(Gen.shortName(), Gen.text(0, 40), password, protocol)
                .as(CreateRoom::new);
        Arbitrary<TcrpRequest> join = Combinators.combine(Gen.shortName(), Gen.text(0, 40), password, protocol)
                .as(JoinRoom::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, create), net.jqwik.api.Tuple.of(5, join),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new ListRooms())));
    }

    @Property(tries = 500, seed = "20261124")
    void requestsRoundTrip(@ForAll("requests") TcrpRequest request) throws ProtocolException {
        byte[] wire = TcrpCodec.encode(TcrpMessages.encodeRequest(request));
        assertEquals(request, TcrpMessages.decodeRequest(TcrpCodec.decode(wire)));
    }

    @Provide
    Arbitrary<TcrpReply> createOrJoinReplies() {
        Arbitrary<ErrorCode> code = Arbitraries.of(ErrorCode.class);
        Arbitrary<TcrpReply> ok = Arbitraries.just(Compliance.ok());
        Arbitrary<TcrpReply> refused = Combinators.combine(code, Gen.text(0, 60)).as(Compliance::refused);
        Arbitrary<TcrpReply> admission = Combinators.combine(Gen.text(1, 40), Gen.shortName(), Gen.text(0, 32),
                        Arbitraries.of(true, false), Gen.text(0, 32), Gen.text(0, 32).list().ofMaxSize(8),
                        Arbitraries.of(true, false))
                .as(Admission::new);
        Arbitrary<TcrpReply> refusal = Combinators.combine(code, Gen.text(0, 60)).as(Refusal::new);
        return Arbitraries.oneOf(List.of(ok, refused, admission, refusal));
    }

    @Property(tries = 500, seed = "20261124")
    void createAndJoinRepliesRoundTrip(@ForAll("createOrJoinReplies") TcrpReply reply, @ForAll boolean create)
            throws ProtocolException {
        Operation op = create ? Operation.CREATE_ROOM : Operation.JOIN_ROOM;
        byte[] wire = TcrpCodec.encode(TcrpMessages.encodeReply(op, "room", reply));
        assertEquals(reply, TcrpMessages.decodeReply(TcrpCodec.decode(wire)));
    }

    @Provide
    Arbitrary<RoomListing> listings() {
        Arbitrary<RoomListing.RoomSummary> summary = Combinators.combine(Gen.shortName(), Gen.text(0, 32),
                Arbitraries.integers().between(0, 10_000), Arbitraries.of(true, false)).as(RoomListing.RoomSummary::new);
        return summary.list().ofMaxSize(20).map(RoomListing::new);
    }

    @Property(tries = 200, seed = "20261124")
    void listingsRoundTrip(@ForAll("listings") RoomListing listing) throws ProtocolException {
        byte[] wire = TcrpCodec.encode(TcrpMessages.encodeReply(Operation.LIST_ROOMS, "", listing));
        assertEquals(listing, TcrpMessages.decodeReply(TcrpCodec.decode(wire)));
    }

    // ---- hostile input -----------------------------------------------------------------

    @Property(tries = 1000, seed = "20261124")
    void decodeOfRandomBytesThrowsOnlyProtocolException(@ForAll @Size(max = 120) byte[] bytes) {
        DecodeOnlyThrowsProtocolException.check(() -> TcrpCodec.decode(bytes));
    }

    @Provide
    Arbitrary<byte[]> plausibleMessages() {
        // A header that gets past the op/state checks, sizes near the real ones, then random bytes.
        Arbitrary<byte[]> header = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 40)).as((room, op, st, size) -> {
                    byte[] h = new byte[32];
                    h[0] = (byte) (int) room;
                    h[1] = (byte) (int) op;
                    h[2] = (byte) (int) st;
                    h[31] = (byte) (int) size;
                    return h;
                });
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(60);
        return Combinators.combine(header, body).as(ocm.protocol.Hex::concat);
    }

    @Property(tries = 1000, seed = "20261124")
    void decodeOfPlausibleMessagesThrowsOnlyProtocolException(@ForAll("plausibleMessages") byte[] bytes) {
        DecodeOnlyThrowsProtocolException.check(() -> {
            TcrpFrame f = TcrpCodec.decode(bytes);
            DecodeOnlyThrowsProtocolException.check(() -> TcrpMessages.decodeRequest(f));
            DecodeOnlyThrowsProtocolException.check(() -> TcrpMessages.decodeReply(f));
            return f;
        });
    }

    @Provide
    Arbitrary<String> jsonish() {
        // Pieces of JSON (and near-JSON) glued at random: reaches the parsers' odd corners.
        Arbitrary<String> piece = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\"username\"", "\"password\"",
                "\"protocol\"", "\"success\"", "\"token\"", "\"error\"", "\"message\"", "\"rooms\"", "\"members\"",
                "\"name\"", "\"host\"", "\"locked\"", "\"hostName\"", "\"room\"", "\"alice\"", "\"NO_SUCH_ROOM\"",
                "1", "0", "-1", "2.5", "1e400", "99999999999999999999", "true", "false", "null", " ", "\\u30a2",
                "\\", "'", "x", "NaN", "\u00e9", "\ud83d\ude00");
        return piece.list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Property(tries = 2000, seed = "20261124")
    void payloadDecodersThrowOnlyProtocolException(@ForAll("jsonish") String json, @ForAll Operation op, @ForAll State st) {
        TcrpFrame f = new TcrpFrame(op, st, "r", json.getBytes(StandardCharsets.UTF_8));
        DecodeOnlyThrowsProtocolException.check(() -> TcrpMessages.decodeRequest(f));
        DecodeOnlyThrowsProtocolException.check(() -> TcrpMessages.decodeReply(f));
    }

    @Property(tries = 500, seed = "20261124")
    void payloadDecodersSurviveRandomBytes(@ForAll @Size(max = 80) byte[] payload, @ForAll Operation op, @ForAll State st) {
        TcrpFrame f = new TcrpFrame(op, st, "r", payload);
        DecodeOnlyThrowsProtocolException.check(() -> TcrpMessages.decodeRequest(f));
        DecodeOnlyThrowsProtocolException.check(() -> TcrpMessages.decodeReply(f));
    }
}
