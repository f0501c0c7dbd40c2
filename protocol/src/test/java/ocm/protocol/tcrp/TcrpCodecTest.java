package ocm.protocol.tcrp;

import static ocm.protocol.Hex.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import ocm.protocol.Hex;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** TCRP framing: the seed's exact header bytes, and every malformed header or body refused. */
class TcrpCodecTest {
    /** The seed client's create request for room "lobby" by "alice", written out by hand. */
    static final byte[] SEED_CREATE_LOBBY_ALICE = concat(
            "x:05 01 00",                                         // room len 5, op 1 create, state 0 request
            "x:00 00 00 00 00 00 00 00 00 00 00 00 00 00",        // payload size: 29 bytes big-endian,
            "x:00 00 00 00 00 00 00 00 00 00 00 00 00 00 07",     //   the seed writes 0 then 28 bytes: 7
            "lobby",
            "\"alice\"");

    @Test
    void seedCreateRequestHasExactlyTheSeedBytes() {
        assertEquals(32 + 5 + 7, SEED_CREATE_LOBBY_ALICE.length);
        TcrpFrame frame = new TcrpFrame(Operation.CREATE_ROOM, State.REQUEST, "lobby",
                "\"alice\"".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(SEED_CREATE_LOBBY_ALICE, TcrpCodec.encode(frame));
    }

    @Test
    void seedCreateRequestDecodes() throws ProtocolException {
        TcrpFrame frame = TcrpCodec.decode(SEED_CREATE_LOBBY_ALICE);
        assertEquals(Operation.CREATE_ROOM, frame.operation());
        assertEquals(State.REQUEST, frame.state());
        assertEquals("lobby", frame.roomName());
        assertArrayEquals("\"alice\"".getBytes(StandardCharsets.US_ASCII), frame.payload());
    }

    @Test
    void headerDecodesFieldsAndBodySize() throws ProtocolException {
        TcrpHeader h = TcrpCodec.decodeHeader(SEED_CREATE_LOBBY_ALICE, 0, 32);
        assertEquals(new TcrpHeader(5, Operation.CREATE_ROOM, State.REQUEST, 7), h);
        assertEquals(12, h.bodySize());
    }

    @Test
    void headerDecodesAtAnOffset() throws ProtocolException {
        byte[] shifted = concat("x:ff ff ff", SEED_CREATE_LOBBY_ALICE);
        TcrpHeader h = TcrpCodec.decodeHeader(shifted, 3, 32);
        assertEquals(new TcrpHeader(5, Operation.CREATE_ROOM, State.REQUEST, 7), h);
        TcrpFrame f = TcrpCodec.decodeBody(h, shifted, 3 + 32, 12);
        assertEquals("lobby", f.roomName());
    }

    @Test
    void payloadSizeUsesAllFourLowBytesBigEndian() throws ProtocolException {
        byte[] payload = new byte[0xFF01];
        Arrays.fill(payload, (byte) ' ');
        byte[] bytes = TcrpCodec.encode(new TcrpFrame(Operation.JOIN_ROOM, State.REQUEST, "r", payload));
        assertEquals("00 00 ff 01", Hex.of(Arrays.copyOfRange(bytes, 28, 32)));
        for (int i = 3; i < 28; i++) {
            assertEquals(0, bytes[i]);
        }
        assertEquals(0xFF01, TcrpCodec.decodeHeader(bytes, 0, 32).payloadSize());
    }

    @Test
    void roundTripOfEveryOperationAndState() throws ProtocolException {
        for (Operation op : Operation.values()) {
            for (State st : State.values()) {
                TcrpFrame f = new TcrpFrame(op, st, "ルーム", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
                assertEquals(f, TcrpCodec.decode(TcrpCodec.encode(f)));
            }
        }
    }

    @Test
    void emptyRoomAllowedForListAndReplies() throws ProtocolException {
        TcrpFrame list = new TcrpFrame(Operation.LIST_ROOMS, State.REQUEST, "", new byte[0]);
        assertEquals(list, TcrpCodec.decode(TcrpCodec.encode(list)));
        TcrpFrame reply = new TcrpFrame(Operation.CREATE_ROOM, State.COMPLIANCE, "", new byte[] {'{', '}'});
        assertEquals(reply, TcrpCodec.decode(TcrpCodec.encode(reply)));
    }

    @Test
    void encodeRefusesRoomNameOver255Bytes() {
        TcrpFrame f = new TcrpFrame(Operation.CREATE_ROOM, State.REQUEST, "x".repeat(256), new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> TcrpCodec.encode(f));
    }

    // ---- malformed ---------------------------------------------------------------------

    private static byte[] header(int roomLen, int op, int state, long size) {
        byte[] h = new byte[32];
        h[0] = (byte) roomLen;
        h[1] = (byte) op;
        h[2] = (byte) state;
        for (int i = 31; i >= 24; i--) {
            h[i] = (byte) size;
            size >>>= 8;
        }
        return h;
    }

    private static ProtocolException refused(byte[] bytes) {
        return assertThrows(ProtocolException.class, () -> TcrpCodec.decode(bytes));
    }

    @Test
    void truncatedHeaderIsRefused() {
        for (int n = 0; n < 32; n++) {
            byte[] part = Arrays.copyOf(SEED_CREATE_LOBBY_ALICE, n);
            ProtocolException e = refused(part);
            assertTrue(e.getMessage().contains(n + " bytes"), e.getMessage());
        }
    }

    @Test
    void payloadOverLimitIsRefusedByTheHeaderAlone() {
        // Only the 32 header bytes are given: the refusal cannot come from reading a body.
        byte[] h = header(5, 1, 0, Limits.MAX_TCRP_PAYLOAD + 1L);
        ProtocolException e = assertThrows(ProtocolException.class, () -> TcrpCodec.decodeHeader(h, 0, 32));
        assertEquals("TCRP payload is 65537 bytes, the limit is 65536", e.getMessage());
    }

    @Test
    void payloadAtLimitIsAccepted() throws ProtocolException {
        byte[] h = header(5, 1, 0, Limits.MAX_TCRP_PAYLOAD);
        assertEquals("00 01 00 00", Hex.of(Arrays.copyOfRange(h, 28, 32)));
        assertEquals(Limits.MAX_TCRP_PAYLOAD, TcrpCodec.decodeHeader(h, 0, 32).payloadSize());
    }

    @Test
    void hugeDeclaredSizesAreRefusedWithoutAllocating() {
        // 2^32-1 fits in the low 4 bytes; it would be a 4 GiB allocation if trusted.
        byte[] h = header(5, 1, 0, 0xFFFF_FFFFL);
        ProtocolException e = assertThrows(ProtocolException.class, () -> TcrpCodec.decodeHeader(h, 0, 32));
        assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
        // Every high size byte (3..27) set on its own is also far over the limit.
        for (int i = 3; i < 28; i++) {
            byte[] high = header(5, 1, 0, 7);
            high[i] = 1;
            ProtocolException he = assertThrows(ProtocolException.class, () -> TcrpCodec.decodeHeader(high, 0, 32));
            assertTrue(he.getMessage().contains("limit is 65536"), he.getMessage());
        }
        byte[] allOnes = header(5, 1, 0, 0);
        Arrays.fill(allOnes, 3, 32, (byte) 0xFF);
        assertThrows(ProtocolException.class, () -> TcrpCodec.decodeHeader(allOnes, 0, 32));
    }

    @Test
    void unknownOperationIsRefused() {
        for (int op : new int[] {0, 4, 0xFF}) {
            ProtocolException e = refused(header(5, op, 0, 0));
            assertTrue(e.getMessage().contains("unknown TCRP operation " + op), e.getMessage());
        }
    }

    @Test
    void unknownStateIsRefused() {
        for (int st : new int[] {3, 0x80, 0xFF}) {
            ProtocolException e = refused(header(5, 1, st, 0));
            assertTrue(e.getMessage().contains("unknown TCRP state " + st), e.getMessage());
        }
    }

    @Test
    void zeroLengthRoomIsRefusedForCreateAndJoinRequests() {
        for (int op : new int[] {1, 2}) {
            ProtocolException e = refused(concat(header(0, op, 0, 7), "\"alice\""));
            assertEquals("room name is empty", e.getMessage());
        }
    }

    @Test
    void bodyShorterThanAnnouncedIsRefused() {
        byte[] cut = Arrays.copyOf(SEED_CREATE_LOBBY_ALICE, SEED_CREATE_LOBBY_ALICE.length - 1);
        ProtocolException e = refused(cut);
        assertEquals("TCRP message is truncated: 43 bytes of 44", e.getMessage());
    }

    @Test
    void roomLengthPastTheEndIsRefused() {
        // Room length 200 but only the 5 bytes "lobby" follow.
        ProtocolException e = refused(concat(header(200, 1, 0, 0), "lobby"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void bytesAfterTheMessageAreRefused() {
        ProtocolException e = refused(concat(SEED_CREATE_LOBBY_ALICE, "x:00"));
        assertEquals("TCRP message has 1 bytes after its end", e.getMessage());
    }

    @Test
    void decodeBodyRefusesAWrongLength() throws ProtocolException {
        TcrpHeader h = TcrpCodec.decodeHeader(SEED_CREATE_LOBBY_ALICE, 0, 32);
        assertThrows(ProtocolException.class, () -> TcrpCodec.decodeBody(h, SEED_CREATE_LOBBY_ALICE, 32, 11));
    }

    @Test
    void invalidUtf8RoomNameIsRefused() {
        byte[] bad = concat(header(2, 2, 0, 7), "x:c3 28", "\"alice\"");
        ProtocolException e = refused(bad);
        assertEquals("room name is not valid UTF-8", e.getMessage());
        byte[] lone = concat(header(1, 2, 0, 7), "x:80", "\"alice\"");
        refused(lone);
        byte[] surrogate = concat(header(3, 2, 0, 7), "x:ed a0 80", "\"alice\"");
        refused(surrogate);
    }
}
