package ocm.protocol.ucrp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import ocm.protocol.DecodeOnlyThrowsProtocolException;
import ocm.protocol.Gen;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Round trips of generated v1 datagrams, and decoders that survive any bytes. */
class V1CodecPropertiesTest {
    @Provide
    Arbitrary<String> room() {
        return Gen.shortName();
    }

    @Provide
    Arbitrary<String> token() {
        return Gen.text(0, 63);
    }

    @Provide
    Arbitrary<String> text() {
        return Gen.chatText();
    }

    @Property(tries = 500, seed = "20261124")
    void clientDatagramsRoundTrip(@ForAll("room") String room, @ForAll("token") String token, @ForAll("text") String text)
            throws ProtocolException {
        Assume.that(2 + Gen.utf8Length(room) + Gen.utf8Length(token) + Gen.utf8Length(text) <= Limits.MAX_DATAGRAM);
        byte[] wire = V1Codec.encodeClient(room, token, text);
        assertEquals(new V1ClientMessage(room, token, text), V1Codec.decodeClient(ByteBuffer.wrap(wire)));
    }

    @Property(tries = 500, seed = "20261124")
    void serverDatagramsRoundTrip(@ForAll("room") String sender, @ForAll("text") String text) throws ProtocolException {
        byte[] wire = V1Codec.encodeServer(sender, text);
        assertEquals(new V1ServerMessage.Chat(sender, text), V1Codec.decodeServer(ByteBuffer.wrap(wire)));
    }

    @Property(tries = 1000, seed = "20261124")
    void decodersThrowOnlyProtocolException(@ForAll @Size(max = 300) byte[] bytes) {
        DecodeOnlyThrowsProtocolException.check(() -> V1Codec.decodeClient(ByteBuffer.wrap(bytes)));
        DecodeOnlyThrowsProtocolException.check(() -> V1Codec.decodeServer(ByteBuffer.wrap(bytes)));
    }

    @Property(tries = 100, seed = "20261124")
    void decodersThrowOnlyProtocolExceptionOnBigDatagrams(@ForAll @Size(min = 4000, max = 5000) byte[] bytes) {
        DecodeOnlyThrowsProtocolException.check(() -> V1Codec.decodeClient(ByteBuffer.wrap(bytes)));
        DecodeOnlyThrowsProtocolException.check(() -> V1Codec.decodeServer(ByteBuffer.wrap(bytes)));
    }

    @Provide
    Arbitrary<byte[]> smallLengths() {
        // Length bytes small enough to fit, so decoding reaches the UTF-8 checks.
        return Arbitraries.integers().between(1, 6).flatMap(r -> Arbitraries.integers().between(0, 6).flatMap(t ->
                Arbitraries.bytes().array(byte[].class).ofMinSize(r + t).ofMaxSize(r + t + 20).map(rest -> {
                    byte[] b = new byte[2 + rest.length];
                    b[0] = (byte) (int) r;
                    b[1] = (byte) (int) t;
                    System.arraycopy(rest, 0, b, 2, rest.length);
                    return b;
                })));
    }

    @Property(tries = 1000, seed = "20261124")
    void decodersThrowOnlyProtocolExceptionPastTheHeader(@ForAll("smallLengths") byte[] bytes) {
        DecodeOnlyThrowsProtocolException.check(() -> V1Codec.decodeClient(ByteBuffer.wrap(bytes)));
        DecodeOnlyThrowsProtocolException.check(() -> V1Codec.decodeServer(ByteBuffer.wrap(bytes)));
    }
}
