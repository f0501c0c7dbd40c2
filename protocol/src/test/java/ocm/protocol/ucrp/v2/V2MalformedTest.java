package ocm.protocol.ucrp.v2;

import static ocm.protocol.Hex.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import ocm.protocol.Hex;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** Every malformed v2 datagram is a ProtocolException that says what was wrong. */
class V2MalformedTest {
    /** Header for room "a" with an empty token; packets follow. */
    private static final String HEAD = "x:00 02 00 01 00 61";

    private static String error(byte[] bytes) {
        return assertThrows(ProtocolException.class, () -> V2Codec.decode(ByteBuffer.wrap(bytes))).getMessage();
    }

    /** A datagram with one packet of {@code type} whose body is {@code body} (length set to match). */
    private static byte[] packet(int type, byte[] body) {
        return concat(HEAD, new byte[] {(byte) type, (byte) (body.length >> 8), (byte) body.length}, body);
    }

    @Test
    void headerProblems() {
        assertEquals("v2 marker needs 1 bytes but only 0 remain", error(new byte[0]));
        assertEquals("not a v2 datagram (first byte is not 0)", error(Hex.bytes("01 02 61 74 31 68 69")));
        assertEquals("version needs 1 bytes but only 0 remain", error(Hex.bytes("00")));
        assertEquals("unsupported protocol version 1 (this side speaks 2)", error(Hex.bytes("00 01 00 01 00 61 05 00 00")));
        assertEquals("unsupported protocol version 3 (this side speaks 2)", error(Hex.bytes("00 03 00 01 00 61 05 00 00")));
        assertEquals("unsupported datagram flags 0x01", error(Hex.bytes("00 02 01 01 00 61 05 00 00")));
        assertEquals("unsupported datagram flags 0x80", error(Hex.bytes("00 02 80 01 00 61 05 00 00")));
        assertEquals("room length needs 1 bytes but only 0 remain", error(Hex.bytes("00 02 00")));
        assertEquals("token length needs 1 bytes but only 0 remain", error(Hex.bytes("00 02 00 01")));
        assertEquals("room name is empty", error(Hex.bytes("00 02 00 00 00 05 00 00")));
        assertEquals("room name needs 5 bytes but only 1 remain", error(Hex.bytes("00 02 00 05 00 61")));
        assertEquals("token needs 9 bytes but only 3 remain", error(Hex.bytes("00 02 00 01 09 61 74 74 74")));
        assertEquals("room name is not valid UTF-8", error(Hex.bytes("00 02 00 01 00 ff 05 00 00")));
        assertEquals("token is not valid UTF-8", error(Hex.bytes("00 02 00 01 01 61 c3 05 00 00")));
        assertEquals("datagram carries no packet", error(Hex.bytes("00 02 00 01 00 61")));
        assertEquals("datagram is 4097 bytes, the limit is 4096",
                error(concat(HEAD, "x:02 0f f8 00 00 00 01 00", new byte[4083])));
    }

    @Test
    void packetFramingProblems() {
        assertEquals("packet length needs 2 bytes but only 0 remain", error(concat(HEAD, "x:05")));
        assertEquals("packet length needs 2 bytes but only 1 remain", error(concat(HEAD, "x:05 00")));
        assertEquals("packet length 8 runs past the end of the datagram (7 bytes remain)",
                error(concat(HEAD, "x:04 00 08 01 02 03 04 05 06 07")));
        assertEquals("packet length 65535 runs past the end of the datagram (0 bytes remain)",
                error(concat(HEAD, "x:04 ff ff")));
        // A good packet followed by a truncated one: the whole datagram is refused.
        assertEquals("packet length needs 2 bytes but only 1 remain", error(concat(HEAD, "x:05 00 00 05 00")));
    }

    @Test
    void unknownPacketTypes() {
        // Only core types (below 0x40) refuse the datagram when unknown; optional ones are skipped.
        for (int t : new int[] {0x00, 0x08, 0x1f, 0x28, 0x3f}) {
            assertEquals(String.format("unknown v2 packet type 0x%02x", t), error(packet(t, new byte[0])));
        }
    }

    @Test
    void numberedOptionalPacketWithoutItsNumber() {
        assertEquals("numbered packet of type 0x80 needs 4 bytes but only 3 remain", error(packet(0x80, new byte[3])));
        assertEquals("numbered packet of type 0xff needs 4 bytes but only 0 remain", error(packet(0xff, new byte[0])));
    }

    @Test
    void acceptedAndWelcomeThatContradictThemselves() {
        assertEquals("accepted packet has message id 0 but no refusal code", error(packet(0x21, new byte[18])));
        assertEquals("accepted packet has message id 1 and refusal code 11",
                error(packet(0x21, Hex.bytes("00 00 00 01 00 00 00 01 00 00 00 00 00 00 00 00 00 0b"))));
        assertEquals("unknown refusal code 99",
                error(packet(0x21, Hex.bytes("00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 63"))));
        assertEquals("welcome packet has rate 0 and burst 1; both must be positive",
                error(packet(0x20, concat(new byte[16], "x:00 00 00 00 00 00 00 00 00 00 00 01"))));
        assertEquals("welcome packet has rate 1 and burst -1; both must be positive",
                error(packet(0x20, concat(new byte[16], "x:00 00 00 00 00 00 00 01 ff ff ff ff"))));
    }

    @Test
    void unknownEnumCodes() {
        assertEquals("unknown event kind 0", error(packet(0x23, Hex.bytes("00 00 00 01 00 00 00 00 00 00 00 00 00 00"))));
        assertEquals("unknown event kind 8", error(packet(0x23, Hex.bytes("00 00 00 01 00 00 00 00 00 00 00 00 08 00"))));
        assertEquals("unknown end reason 0", error(packet(0x26, Hex.bytes("00"))));
        assertEquals("unknown end reason 9", error(packet(0x26, Hex.bytes("09 62 79 65"))));
        assertEquals("unknown error code 0", error(packet(0x27, Hex.bytes("00 00"))));
        assertEquals("unknown error code 19", error(packet(0x27, Hex.bytes("00 13 68 69"))));
        assertEquals("unknown error code 65535", error(packet(0x27, Hex.bytes("ff ff"))));
    }

    @Test
    void fixedSizeBodiesWithMissingBytes() {
        int[][] typesAndSizes = {{0x01, 16}, {0x03, 12}, {0x04, 8}, {0x20, 28}, {0x21, 18}, {0x25, 16}};
        for (int[] ts : typesAndSizes) {
            String name = PacketTypeName.of(ts[0]);
            String msg = error(packet(ts[0], new byte[ts[1] - 1]));
            assertTrue(msg.startsWith(name + " packet needs"), msg);
        }
        // Variable bodies with their fixed part cut short.
        assertTrue(error(packet(0x02, new byte[4])).startsWith("chat packet needs 1 bytes"));
        assertTrue(error(packet(0x22, new byte[16])).startsWith("message packet needs 1 bytes"));
        assertTrue(error(packet(0x23, new byte[12])).startsWith("event packet needs 1 bytes"));
        assertTrue(error(packet(0x24, new byte[5])).startsWith("members packet needs 2 bytes"));
        assertTrue(error(packet(0x26, new byte[0])).startsWith("ended packet needs 1 bytes"));
        assertTrue(error(packet(0x27, new byte[1])).startsWith("error packet needs 2 bytes"));
        assertTrue(error(packet(0x06, new byte[0])).startsWith("kick packet needs 1 bytes"));
    }

    @Test
    void fixedSizeBodiesWithExtraBytes() {
        int[][] typesAndSizes = {{0x01, 16}, {0x03, 12}, {0x04, 8}, {0x05, 0}, {0x20, 28}, {0x21, 18}, {0x25, 16}};
        for (int[] ts : typesAndSizes) {
            String name = PacketTypeName.of(ts[0]);
            assertEquals(name + " packet has 1 unexpected bytes at its end", error(packet(ts[0], new byte[ts[1] + 1])));
        }
        // A member list whose members end before the body does.
        assertEquals("members packet has 2 unexpected bytes at its end",
                error(packet(0x24, Hex.bytes("00 00 00 01 00 01 01 01 61 ee ee"))));
    }

    @Test
    void lengthPrefixedStringsPastTheEnd() {
        assertEquals("sender name needs 9 bytes but only 2 remain",
                error(packet(0x22, concat(new byte[17], "x:09 61 62"))));
        assertEquals("event name needs 4 bytes but only 0 remain",
                error(packet(0x23, concat(new byte[12], "x:01 04"))));
        assertEquals("kick target needs 200 bytes but only 3 remain", error(packet(0x06, Hex.bytes("c8 62 6f 62"))));
        assertEquals("member name needs 5 bytes but only 1 remain",
                error(packet(0x24, Hex.bytes("00 00 00 01 00 01 01 05 61"))));
    }

    @Test
    void memberCountLargerThanTheBytes() {
        assertEquals("member list claims 1000 members but has 4 bytes",
                error(packet(0x24, Hex.bytes("00 00 00 01 03 e8 01 01 61 00"))));
        assertEquals("member list claims 65535 members but has 0 bytes",
                error(packet(0x24, Hex.bytes("00 00 00 01 ff ff"))));
        // The count passes the 2-bytes-per-member bound but the names run out.
        assertTrue(error(packet(0x24, Hex.bytes("00 00 00 01 00 02 01 01 61 00"))).startsWith("members packet needs 1 bytes"));
    }

    @Test
    void textOverMaxTextBytes() {
        byte[] longText = new byte[Limits.MAX_TEXT_BYTES + 1];
        java.util.Arrays.fill(longText, (byte) 'x');
        assertEquals("chat text is 3601 bytes, the limit is 3600", error(packet(0x02, concat(new byte[5], longText))));
        assertEquals("message text is 3601 bytes, the limit is 3600",
                error(packet(0x22, concat(new byte[17], "x:01 61", longText))));
    }

    @Test
    void invalidUtf8InPacketText() {
        assertEquals("chat text is not valid UTF-8", error(packet(0x02, concat(new byte[5], "x:68 ff"))));
        assertEquals("sender name is not valid UTF-8", error(packet(0x22, concat(new byte[17], "x:01 ff"))));
        assertEquals("message text is not valid UTF-8", error(packet(0x22, concat(new byte[17], "x:01 61 ed a0 80"))));
        assertEquals("event text is not valid UTF-8", error(packet(0x23, concat(new byte[12], "x:01 00 c0 80"))));
        assertEquals("member name is not valid UTF-8", error(packet(0x24, Hex.bytes("00 00 00 01 00 01 01 01 80"))));
        assertEquals("kick reason is not valid UTF-8", error(packet(0x06, Hex.bytes("01 62 f8"))));
        assertEquals("close reason is not valid UTF-8", error(packet(0x07, Hex.bytes("e2 82"))));
        assertEquals("end message is not valid UTF-8", error(packet(0x26, Hex.bytes("01 fe"))));
        assertEquals("error message is not valid UTF-8", error(packet(0x27, Hex.bytes("00 01 ff"))));
    }

    /** The lower-case type name the decoder uses in its messages. */
    private static final class PacketTypeName {
        static String of(int code) {
            for (PacketType t : PacketType.values()) {
                if (t.code() == code) {
                    return t.name().toLowerCase();
                }
            }
            throw new IllegalArgumentException("no type " + code);
        }
    }
}
