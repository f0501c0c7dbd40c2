package ocm.protocol.tls;

import static ocm.protocol.tls.FirstBytes.Kind.NEED_MORE;
import static ocm.protocol.tls.FirstBytes.Kind.TCRP;
import static ocm.protocol.tls.FirstBytes.Kind.TLS;
import static ocm.protocol.tls.FirstBytes.Kind.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import ocm.protocol.Hex;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.JoinRoom;
import ocm.protocol.tcrp.ListRooms;
import ocm.protocol.tcrp.Operation;
import ocm.protocol.tcrp.State;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS and the seed's TCRP requests cannot be mistaken for each other by their first three bytes. */
class FirstBytesTest {
    /**
     * Printed by server/src/test/python/seed_client.py's own {@code frame()} (the seed's format):
     * create "lobby" as alice; join a 22-byte room (its first byte is 0x16, TLS's) as bob; join
     * 日本語 as アリス (Python's json.dumps escapes it).
     */
    static final String[] SEED_REQUESTS = {
        "05 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 07 6c 6f 62 62 79 22 61 6c 69 63 65 22",
        "16 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 05 74 77 65 6e 74 79 2d 74 77 6f 2d 62 79 74 65 2d 72 6f 6f 6d 21 21 22 62 6f 62 22",
        "09 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 14 e6 97 a5 e6 9c ac e8 aa 9e 22 5c 75 33 30 61 32 5c 75 33 30 65 61 5c 75 33 30 62 39 22",
    };

    private static FirstBytes.Kind classify(byte[] b) {
        return FirstBytes.classify(b, 0, b.length);
    }

    @Test
    void theSeedsOwnRequestsAreTcrp() throws Exception {
        for (String hex : SEED_REQUESTS) {
            byte[] b = Hex.bytes(hex);
            assertEquals(TCRP, classify(b), hex);
            TcrpCodec.decode(b); // and they are what the codec reads as requests
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aRealJdkClientHelloIsTls(String protocol) throws Exception {
        byte[] hello = clientHello(protocol);
        assertEquals(0x16, hello[0] & 0xFF);
        assertEquals(TLS, classify(hello));
        assertEquals(TLS, FirstBytes.classify(hello, 0, 3));
    }

    /** The first record a JDK client sends, made with an SSLEngine: no socket. */
    static byte[] clientHello(String protocol) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, null, null);
        SSLEngine engine = ctx.createSSLEngine("127.0.0.1", 9090);
        engine.setUseClientMode(true);
        engine.setEnabledProtocols(new String[] {protocol});
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), out);
        assertEquals(SSLEngineResult.Status.OK, r.getStatus());
        out.flip();
        byte[] b = new byte[out.remaining()];
        out.get(b);
        return b;
    }

    @Test
    void everyTlsRecordVersionIsTlsAndItsStateByteIsNeverARequest() {
        for (int minor = 1; minor <= 4; minor++) {
            assertEquals(TLS, classify(new byte[] {0x16, 0x03, (byte) minor}));
        }
        assertEquals(TCRP, classify(Hex.bytes("16 03 00")), "a list request with a 22-byte room field, state 0");
        assertEquals(UNKNOWN, classify(Hex.bytes("16 03 05")));
    }

    @Property(tries = 300)
    void everySeedFormatRequestIsTcrp(@ForAll @IntRange(min = 1, max = 2) int op, @ForAll @StringLength(min = 1, max = 60) String room,
            @ForAll @StringLength(min = 1, max = 32) String user) {
        // TcrpMessages writes the seed form (bare JSON string) for protocol 1 without a password.
        TcrpFrame f = op == 1
                ? TcrpMessages.encodeRequest(new CreateRoom(room, user, Optional.empty(), 1))
                : TcrpMessages.encodeRequest(new JoinRoom(room, user, Optional.empty(), 1));
        byte[] b = TcrpCodec.encode(f);
        assertEquals(TCRP, classify(b));
        assertNotEquals(TLS, FirstBytes.classify(b, 0, 3));
    }

    @Property(tries = 200)
    void everyOcmClearRequestIsTcrp(@ForAll @StringLength(min = 1, max = 60) String room, @ForAll @StringLength(min = 1, max = 32) String user,
            @ForAll @StringLength(max = 20) String password) {
        assertEquals(TCRP, classify(TcrpCodec.encode(TcrpMessages.encodeRequest(new JoinRoom(room, user, Optional.of(password), 2)))));
        assertEquals(TCRP, classify(TcrpCodec.encode(TcrpMessages.encodeRequest(new ListRooms()))));
    }

    @Property(tries = 500)
    void noThreeBytesAreBothTlsAndARequestHeader(@ForAll byte b0, @ForAll byte b1, @ForAll byte b2) {
        byte[] b = {b0, b1, b2};
        boolean tls = b0 == 0x16 && b1 == 0x03 && b2 >= 1 && b2 <= 4;
        boolean request = b1 >= 1 && b1 <= 3 && b2 == 0;
        assertEquals(tls ? TLS : request ? TCRP : UNKNOWN, classify(b));
    }

    @Test
    void repliesAndShortReadsAreNotRequests() {
        byte[] reply = TcrpCodec.encode(new TcrpFrame(Operation.CREATE_ROOM, State.COMPLIANCE, "a", new byte[] {'{', '}'}));
        assertEquals(UNKNOWN, classify(reply));
        assertEquals(NEED_MORE, classify(new byte[0]));
        assertEquals(NEED_MORE, classify(Hex.bytes("16 03")));
    }
}
