package ocm.protocol.ucrp.v1;

import static ocm.protocol.Hex.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import ocm.protocol.Hex;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** UCRP v1 (the seed's datagrams): golden bytes, round trips and malformed datagrams. */
class V1CodecTest {
    private static final byte[] HI_FROM_T1_IN_A = Hex.bytes("01 02 61 74 31 68 69");
    private static final byte[] ALICE_SAYS_HI = Hex.bytes("05 61 6c 69 63 65 68 69");
    private static final byte[] ROOM_CLOSED = Hex.bytes("5f 5f 52 4f 4f 4d 5f 43 4c 4f 53 45 44 5f 5f");

    private static V1ClientMessage client(byte[] b) throws ProtocolException {
        return V1Codec.decodeClient(ByteBuffer.wrap(b));
    }

    private static V1ServerMessage server(byte[] b) throws ProtocolException {
        return V1Codec.decodeServer(ByteBuffer.wrap(b));
    }

    @Test
    void clientChatGoldenVector() throws ProtocolException {
        assertArrayEquals(HI_FROM_T1_IN_A, V1Codec.encodeClient("a", "t1", "hi"));
        assertEquals(new V1ClientMessage("a", "t1", "hi"), client(HI_FROM_T1_IN_A));
    }

    @Test
    void controlWordsAreRecognised() throws ProtocolException {
        byte[] register = concat("x:05 26", "lobby", "token_0123456789abcdef0123456789abcdef", "__REGISTER__");
        V1ClientMessage m = client(register);
        assertTrue(m.isRegister());
        assertFalse(m.isLeave());
        assertEquals("token_0123456789abcdef0123456789abcdef", m.token());
        assertArrayEquals(register, V1Codec.encodeClient("lobby", m.token(), V1Codec.REGISTER));
        V1ClientMessage leave = client(concat("x:01 01", "a", "t", "__LEAVE__"));
        assertTrue(leave.isLeave());
        assertFalse(leave.isRegister());
        assertFalse(client(HI_FROM_T1_IN_A).isRegister());
    }

    @Test
    void serverChatGoldenVector() throws ProtocolException {
        assertArrayEquals(ALICE_SAYS_HI, V1Codec.encodeServer("alice", "hi"));
        assertEquals(new V1ServerMessage.Chat("alice", "hi"), server(ALICE_SAYS_HI));
    }

    @Test
    void serverNoticeFromStarServer() throws ProtocolException {
        byte[] notice = concat("x:08", "*server*", "bob joined");
        assertArrayEquals(notice, V1Codec.encodeServer("*server*", "bob joined"));
        assertEquals(new V1ServerMessage.Chat("*server*", "bob joined"), server(notice));
    }

    @Test
    void roomClosedIsTheBareAsciiWord() throws ProtocolException {
        assertArrayEquals(ROOM_CLOSED, V1Codec.roomClosed());
        assertEquals("__ROOM_CLOSED__", new String(ROOM_CLOSED, StandardCharsets.US_ASCII));
        assertEquals(new V1ServerMessage.RoomClosed(), server(ROOM_CLOSED));
    }

    @Test
    void roundTripsWithUnicodeAndEmptyParts() throws ProtocolException {
        String[][] cases = {{"a", "", ""}, {"ロビー", "tök", "こんにちは 😀"}, {"x".repeat(255), "t".repeat(255), "m"}};
        for (String[] c : cases) {
            assertEquals(new V1ClientMessage(c[0], c[1], c[2]), client(V1Codec.encodeClient(c[0], c[1], c[2])));
        }
        assertEquals(new V1ServerMessage.Chat("アリス", ""), server(V1Codec.encodeServer("アリス", "")));
        assertEquals(new V1ServerMessage.Chat("b", "__ROOM_CLOSED__"), server(V1Codec.encodeServer("b", "__ROOM_CLOSED__")));
    }

    @Test
    void decodeReadsBetweenPositionAndLimitAndLeavesPositionAlone() throws ProtocolException {
        ByteBuffer buf = ByteBuffer.wrap(concat("x:ee ee", HI_FROM_T1_IN_A, "x:ee"));
        buf.position(2).limit(2 + HI_FROM_T1_IN_A.length);
        assertEquals(new V1ClientMessage("a", "t1", "hi"), V1Codec.decodeClient(buf));
        assertEquals(2, buf.position());
        ByteBuffer s = ByteBuffer.wrap(concat("x:ee", ALICE_SAYS_HI, "x:ee"));
        s.position(1).limit(1 + ALICE_SAYS_HI.length);
        assertEquals(new V1ServerMessage.Chat("alice", "hi"), V1Codec.decodeServer(s));
        assertEquals(1, s.position());
    }

    @Test
    void encodeServerIntoBufferWritesNothingWhenItDoesNotFit() {
        byte[] sender = "alice".getBytes(StandardCharsets.UTF_8);
        byte[] text = "hi".getBytes(StandardCharsets.UTF_8);
        ByteBuffer small = ByteBuffer.allocate(7);
        assertFalse(V1Codec.encodeServer(small, sender, text));
        assertEquals(0, small.position());
        ByteBuffer exact = ByteBuffer.allocate(8);
        assertTrue(V1Codec.encodeServer(exact, sender, text));
        assertArrayEquals(ALICE_SAYS_HI, exact.array());
        ByteBuffer big = ByteBuffer.allocate(10_000);
        assertFalse(V1Codec.encodeServer(big, sender, new byte[Limits.MAX_DATAGRAM - 5]));
        assertEquals(0, big.position());
        assertTrue(V1Codec.encodeServer(big, sender, new byte[Limits.MAX_DATAGRAM - 6]));
        assertEquals(Limits.MAX_DATAGRAM, big.position());
    }

    @Test
    void encodersRefuseWhatCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> V1Codec.encodeClient("", "t", "x"));
        assertThrows(IllegalArgumentException.class, () -> V1Codec.encodeClient("r".repeat(256), "t", "x"));
        assertThrows(IllegalArgumentException.class, () -> V1Codec.encodeClient("r", "t".repeat(256), "x"));
        assertThrows(IllegalArgumentException.class, () -> V1Codec.encodeClient("r", "t", "x".repeat(4093)));
        assertThrows(IllegalArgumentException.class, () -> V1Codec.encodeServer("", "x"));
        assertThrows(IllegalArgumentException.class, () -> V1Codec.encodeServer("s".repeat(256), "x"));
    }

    // ---- malformed ---------------------------------------------------------------------

    private static String clientError(byte[] b) {
        return assertThrows(ProtocolException.class, () -> client(b)).getMessage();
    }

    private static String serverError(byte[] b) {
        return assertThrows(ProtocolException.class, () -> server(b)).getMessage();
    }

    @Test
    void malformedClientDatagramsAreRefused() {
        assertEquals("datagram is 0 bytes, too short for a v1 header", clientError(new byte[0]));
        assertEquals("datagram is 1 bytes, too short for a v1 header", clientError(Hex.bytes("01")));
        assertEquals("room name is empty", clientError(Hex.bytes("00 02 74 31 68 69")));
        assertEquals("room and token lengths (5 + 2) run past the end of a 6-byte datagram",
                clientError(Hex.bytes("05 02 61 74 31 68")));
        assertEquals("room and token lengths (1 + 255) run past the end of a 4-byte datagram",
                clientError(Hex.bytes("01 ff 61 74")));
        assertEquals("room name is not valid UTF-8", clientError(Hex.bytes("01 00 ff")));
        assertEquals("token is not valid UTF-8", clientError(Hex.bytes("01 01 61 c0")));
        assertEquals("message is not valid UTF-8", clientError(Hex.bytes("01 01 61 74 e3 81")));
        assertEquals("datagram is 4097 bytes, the limit is 4096", clientError(concat("x:01 01 61 74", new byte[4093])));
    }

    @Test
    void datagramOfExactly4096BytesIsAccepted() throws ProtocolException {
        byte[] max = concat("x:01 01 61 74", "x".repeat(4092));
        assertEquals(4092, client(max).text().length());
    }

    @Test
    void malformedServerDatagramsAreRefused() {
        assertEquals("datagram is empty", serverError(new byte[0]));
        assertEquals("sender name is empty", serverError(Hex.bytes("00 68 69")));
        assertEquals("sender name length 5 runs past the end of a 3-byte datagram", serverError(Hex.bytes("05 61 62")));
        assertEquals("sender name is not valid UTF-8", serverError(Hex.bytes("01 ff 68")));
        assertEquals("message is not valid UTF-8", serverError(Hex.bytes("01 61 ed a0 80")));
        assertEquals("datagram is 4097 bytes, the limit is 4096", serverError(concat("x:01 61", new byte[4095])));
        // One byte off the control word is an ordinary (here: malformed) datagram, not RoomClosed.
        serverError("__ROOM_CLOSED_".getBytes(StandardCharsets.US_ASCII));
    }
}
