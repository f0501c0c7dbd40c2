package ocm.protocol.ucrp.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import ocm.protocol.ProtocolException;
import ocm.protocol.Utf8;
import org.junit.jupiter.api.Test;

class DatagramViewTest {
    private final DatagramView view = new DatagramView();

    @Test
    void readsTheHeaderAndEveryPacketInPlace() {
        byte[] bytes = V2Codec.encode(V2Datagram.of("lobby", "tok", new Packet.Ack(-3, 0x8000000000000001L),
                new Packet.Ping(42L), new Packet.Leave()));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertTrue(view.wrap(b));
        assertEquals("lobby", new String(bytes, view.roomOffset(), view.roomLength(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("tok", new String(bytes, view.tokenOffset(), view.tokenLength(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(view.nextPacket());
        assertEquals(PacketType.ACK.code(), view.type());
        assertEquals(12, view.bodyLength());
        assertEquals(-3, view.bodyInt(0));
        assertEquals(0x8000000000000001L, view.bodyLong(4));
        assertTrue(view.nextPacket());
        assertEquals(PacketType.PING.code(), view.type());
        assertEquals(42L, view.bodyLong(0));
        assertTrue(view.nextPacket());
        assertEquals(PacketType.LEAVE.code(), view.type());
        assertEquals(0, view.bodyLength());
        assertFalse(view.nextPacket());
        view.rewind();
        assertTrue(view.nextPacket());
        assertEquals(PacketType.ACK.code(), view.type());
    }

    @Test
    void refusesWhatIsNotWellFramedV2() {
        byte[] good = V2Codec.encode(V2Datagram.of("r", "t", new Packet.Ping(1)));
        assertFalse(view.wrap(ByteBuffer.wrap(Arrays.copyOf(good, good.length - 1))), "packet runs past the end");
        byte[] flags = good.clone();
        flags[2] = 1;
        assertFalse(view.wrap(ByteBuffer.wrap(flags)), "unknown flags");
        byte[] noRoom = good.clone();
        noRoom[3] = 0;
        assertFalse(view.wrap(ByteBuffer.wrap(noRoom)), "empty room");
        assertFalse(view.wrap(ByteBuffer.wrap(Arrays.copyOf(good, 5 + 1 + 1))), "no packet");
        assertFalse(view.wrap(ByteBuffer.wrap(V1Bytes.hi())), "a v1 datagram");
        assertFalse(view.wrap(ByteBuffer.wrap(ocm.protocol.Hex.bytes("00 02 00 01 00 61 80 00 03 00 00 00"))),
                "a numbered packet without its 4-byte number");
    }

    @Test
    void tellsUnknownOptionalAndNumberedPackets() {
        ByteBuffer b = ByteBuffer.wrap(ocm.protocol.Hex.bytes(
                "00 02 00 01 00 61  41 00 01 ff  a0 00 05 00 00 00 09 ee  22 00 12 00 00 00 0a" + " 00".repeat(14)));
        assertTrue(view.wrap(b));
        assertTrue(view.nextPacket());
        assertTrue(view.unknownOptional());
        assertFalse(view.numbered());
        assertTrue(view.nextPacket());
        assertTrue(view.unknownOptional());
        assertTrue(view.numbered());
        assertEquals(9, view.bodyInt(0));
        assertTrue(view.nextPacket());
        assertFalse(view.unknownOptional(), "MESSAGE is known");
        assertFalse(view.numbered(), "known types say where their numbers are themselves");
        assertEquals(10, view.bodyInt(0));
    }

    /** Whatever the bytes, the view never reads outside them, and a frame it accepts the codec can frame too. */
    @Property
    void neverThrowsOnRandomBytes(@ForAll byte[] bytes) {
        byte[] v2 = new byte[bytes.length + 3];
        v2[1] = 2;
        System.arraycopy(bytes, 0, v2, 3, bytes.length);
        for (byte[] b : new byte[][] {bytes, v2}) {
            if (view.wrap(ByteBuffer.wrap(b))) {
                int n = 0;
                while (view.nextPacket()) {
                    n++;
                    assertTrue(view.bodyOffset() + view.bodyLength() <= b.length);
                }
                assertTrue(n > 0);
                try {
                    V2Codec.decode(ByteBuffer.wrap(b));
                } catch (ProtocolException e) {
                    // bodies are the codec's business; the framing both accept is what matters here
                    assertFalse(e.getMessage().contains("runs past the end"), e.getMessage());
                }
            }
        }
    }

    /** A v1 datagram for the refusal case. */
    private static final class V1Bytes {
        static byte[] hi() {
            return ocm.protocol.ucrp.v1.V1Codec.encodeClient("a", "t1", "hi");
        }
    }

    @Test
    void utf8Helper() {
        assertEquals(3, Utf8.encode("tok").length);
    }
}
