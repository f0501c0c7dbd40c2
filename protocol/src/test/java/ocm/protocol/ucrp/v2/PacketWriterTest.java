package ocm.protocol.ucrp.v2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Predicate;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.Utf8;
import org.junit.jupiter.api.Test;

/** Every allocation-free writer produces exactly the codec's bytes for the matching record. */
class PacketWriterTest {
    /** A little-endian buffer: the writers must not follow the caller's byte order. */
    private static ByteBuffer buffer() {
        return ByteBuffer.allocate(Limits.MAX_DATAGRAM).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] written(ByteBuffer b) {
        return Arrays.copyOf(b.array(), b.position());
    }

    private static byte[] codec(Packet p) {
        ByteBuffer b = ByteBuffer.allocate(Limits.MAX_DATAGRAM);
        assertTrue(V2Codec.writePacket(b, p));
        return written(b);
    }

    private static void same(Packet p, Predicate<ByteBuffer> writer) {
        ByteBuffer b = buffer();
        assertTrue(writer.test(b));
        assertArrayEquals(codec(p), written(b), p.toString());
    }

    @Test
    void fixedSizePacketsMatchTheCodec() {
        same(new Packet.Register(0x01020304, -7, 0x7fffffff, 0x80000001), b -> PacketWriter.register(b, 0x01020304, -7, 0x7fffffff, 0x80000001));
        same(new Packet.Ack(-2, 0x8000000000000001L), b -> PacketWriter.ack(b, -2, 0x8000000000000001L));
        same(new Packet.Ping(-1L), b -> PacketWriter.ping(b, -1L));
        same(new Packet.Leave(), PacketWriter::leave);
        same(Packet.Accepted.taken(9, 1_000_000, 1_795_513_004_776L), b -> PacketWriter.accepted(b, 9, 1_000_000, 1_795_513_004_776L));
        same(Packet.Accepted.refused(9, 1_795_513_004_776L, ErrorCode.RATE_LIMITED),
                b -> PacketWriter.refused(b, 9, 1_795_513_004_776L, ErrorCode.RATE_LIMITED));
        assertThrows(IllegalArgumentException.class, () -> PacketWriter.accepted(buffer(), 9, 0, 1L), "id 0 is a refusal");
        same(new Packet.Pong(42L, 1_795_513_004_776L), b -> PacketWriter.pong(b, 42L, 1_795_513_004_776L));
    }

    @Test
    void chatHeaderThenTextMatchesTheCodec() {
        byte[] text = Utf8.encode("héllo 日本");
        same(new Packet.Chat(77, true, "héllo 日本"), b -> PacketWriter.chatHeader(b, 77, true, text.length) && b.put(text) != null);
    }

    @Test
    void chatMessageTailMatchesTheCodec() {
        Packet.ChatMessage m = new Packet.ChatMessage(5, 123, 1_795_513_004_776L, false, "alice", "hi 日本");
        assertArrayEquals(V2Codec.encodeReliableTail(m),
                PacketWriter.chatMessageTail(123, 1_795_513_004_776L, false, Utf8.encode("alice"), Utf8.encode("hi 日本")));
    }

    @Test
    void aPacketThatDoesNotFitWritesNothing() {
        ByteBuffer b = ByteBuffer.allocate(3 + 15);
        b.put((byte) 9);
        assertFalse(PacketWriter.pong(b, 1, 2));
        assertEquals(1, b.position());
        assertFalse(PacketWriter.chatHeader(b, 1, false, 20));
        assertEquals(1, b.position());
    }

    @Test
    void overlongTextIsRefused() {
        assertFalse(PacketWriter.chatHeader(ByteBuffer.allocate(8192), 1, false, Limits.MAX_TEXT_BYTES + 1));
        assertThrows(IllegalArgumentException.class,
                () -> PacketWriter.chatMessageTail(1, 1, false, new byte[256], new byte[0]));
    }
}
