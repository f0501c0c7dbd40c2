package ocm.protocol.ucrp.v2;

import static ocm.protocol.Hex.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ocm.protocol.ErrorCode;
import ocm.protocol.Hex;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** UCRP v2: golden datagrams written from the layout, round trips, bundling and the per-recipient writer. */
class V2CodecTest {
    /** One packet of every type, with values that exercise signs and the full width of each field. */
    static final List<Packet> EVERY_PACKET = List.of(
            new Packet.Register(0x7EADBEEF, 41, -1, 0xFFFF_FFFF),
            new Packet.Chat(Integer.MIN_VALUE, false, "hello"),
            new Packet.Chat(3, true, "waves 👋"),
            new Packet.Ack(-1, 0x8000_0000_0000_0001L),
            new Packet.Ping(Long.MIN_VALUE),
            new Packet.Leave(),
            new Packet.Kick("ボブ", "spam"),
            new Packet.Close(""),
            new Packet.Welcome(0x7EADBEEF, -2, 1_700_000_000_000L, 0x8000_0001, Integer.MAX_VALUE, 1),
            Packet.Accepted.refused(3, 1_700_000_000_001L, ErrorCode.RATE_LIMITED),
            Packet.Accepted.taken(4, -1, -1L),
            new Packet.ChatMessage(-2, Integer.MAX_VALUE, 1_700_000_000_002L, true, "アリス", "こんにちは"),
            new Packet.RoomEvent(-1, 5L, EventKind.NOTICE, "", "server restarts at noon"),
            new Packet.RoomEvent(0, 6L, EventKind.RECONNECTED, "bob", ""),
            new Packet.MemberList(1, List.of(new Packet.Member("alice", true, false),
                    new Packet.Member("bob", false, true), new Packet.Member("c", true, true))),
            new Packet.MemberList(2, List.of()),
            new Packet.Pong(-7L, Long.MAX_VALUE),
            new Packet.Ended(EndReason.HOST_LEFT, "alice left; the room is closed"),
            new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"),
            new Packet.Skipped(0x40, 0),
            new Packet.Skipped(0xFF, Integer.MIN_VALUE));

    static V2Datagram decode(byte[] bytes) throws ProtocolException {
        return V2Codec.decode(ByteBuffer.wrap(bytes));
    }

    // ---- golden vectors ----------------------------------------------------------------

    @Test
    void clientDatagramGoldenVector() throws ProtocolException {
        // Room "a", token "t1", bundling Chat(seq 1, "hi") and Ping(0x0102030405060708).
        byte[] golden = Hex.bytes(
                "00 02 00 01 02 61 74 31"                  // marker, version 2, flags, R=1, T=2, "a", "t1"
                + " 02 00 07 00 00 00 01 00 68 69"          // CHAT, len 7: seq 1, flags 0, "hi"
                + " 04 00 08 01 02 03 04 05 06 07 08");     // PING, len 8: nonce
        V2Datagram d = V2Datagram.of("a", "t1", new Packet.Chat(1, false, "hi"), new Packet.Ping(0x0102030405060708L));
        assertArrayEquals(golden, V2Codec.encode(d));
        assertEquals(d, decode(golden));
    }

    @Test
    void serverDatagramGoldenVector() throws ProtocolException {
        byte[] golden = Hex.bytes(
                "00 02 00 01 00 61"                                    // room "a", empty token
                + " 20 00 1c 11 22 33 44 ff ff ff fe 00 00 00 00 00 00 03 e8"  // WELCOME session, firstDseq -2, time 1000,
                + "   00 00 00 00 00 00 4e 20 00 00 00 28"              //   features 0, rate 20.000/s, burst 40
                + " 22 00 1a ff ff ff fe 00 00 00 07 00 00 00 00 00 00 07 d0"  // MESSAGE dseq -2, msgId 7, ts 2000
                + "   01 03 62 6f 62 77 61 76 65 73"                   //   flags action, "bob", "waves"
                + " 24 00 12 ff ff ff ff 00 02 01 05 61 6c 69 63 65 02 03 62 6f 62" // MEMBERS dseq -1: alice host, bob v1
                + " 23 00 11 00 00 00 00 00 00 00 00 00 00 0b b8 01 03 62 6f 62" // EVENT dseq 0, ts 3000, JOINED "bob"
                + " 21 00 12 00 00 00 09 00 00 00 00 00 00 00 00 00 00 0f a0 00 0b" // ACCEPTED seq 9 refused RATE_LIMITED, ts 4000
                + " 27 00 06 00 0b 73 6c 6f 77"                         // ERROR RATE_LIMITED "slow"
                + " 03 00 0c 00 00 00 08 00 00 00 00 00 00 00 05"       // ACK cumulative 8, mask 0b101
                + " 25 00 10 00 00 00 00 00 00 00 2a 00 00 00 00 00 00 13 88" // PONG nonce 42, time 5000
                + " 26 00 03 04 67 6f");                                // ENDED KICKED "go"
        V2Datagram d = V2Datagram.of("a", "",
                new Packet.Welcome(0x11223344, -2, 1000, 0, 20_000, 40),
                new Packet.ChatMessage(-2, 7, 2000, true, "bob", "waves"),
                new Packet.MemberList(-1, List.of(new Packet.Member("alice", true, false), new Packet.Member("bob", false, true))),
                new Packet.RoomEvent(0, 3000, EventKind.JOINED, "bob", ""),
                Packet.Accepted.refused(9, 4000, ErrorCode.RATE_LIMITED),
                new Packet.Error(ErrorCode.RATE_LIMITED, "slow"),
                new Packet.Ack(8, 0b101),
                new Packet.Pong(42, 5000),
                new Packet.Ended(EndReason.KICKED, "go"));
        assertArrayEquals(golden, V2Codec.encode(d));
        assertEquals(d, decode(golden));
    }

    @Test
    void remainingClientPacketsGoldenVector() throws ProtocolException {
        byte[] golden = Hex.bytes(
                "00 02 00 01 01 61 74"
                + " 01 00 10 00 00 00 2a 00 00 00 05 00 00 00 01"   // REGISTER session 42, since 5, nextSeq 1,
                + "   00 00 00 03"                                  //   features 0b11
                + " 05 00 00"                                       // LEAVE, empty body
                + " 06 00 05 03 62 6f 62 78"                        // KICK "bob" reason "x"
                + " 07 00 03 62 79 65");                            // CLOSE "bye"
        V2Datagram d = V2Datagram.of("a", "t", new Packet.Register(42, 5, 1, 3), new Packet.Leave(),
                new Packet.Kick("bob", "x"), new Packet.Close("bye"));
        assertArrayEquals(golden, V2Codec.encode(d));
        assertEquals(d, decode(golden));
    }

    @Test
    void unknownOptionalPacketsAreSkippedAndTheRestDecodedGoldenVector() throws ProtocolException {
        // A newer server bundles two packets of types this side does not know with a message.
        byte[] golden = Hex.bytes(
                "00 02 00 01 00 61"
                + " 40 00 02 aa bb"                                      // optional 0x40: skipped
                + " 90 00 06 00 00 00 07 cc dd"                          // optional numbered 0x90, dseq 7: skipped, number kept
                + " 22 00 14 00 00 00 08 00 00 00 05 00 00 00 00 00 00 00 01 00 01 62 68"); // MESSAGE dseq 8 "b": "h"
        V2Datagram d = decode(golden);
        assertEquals(List.of(new Packet.Skipped(0x40, 0), new Packet.Skipped(0x90, 7),
                new Packet.ChatMessage(8, 5, 1, false, "b", "h")), d.packets());
        // Encoding a Skipped writes its type and number only.
        assertEquals("00 02 00 01 00 61 40 00 00 90 00 04 00 00 00 07",
                Hex.of(V2Codec.encode(V2Datagram.of("a", "", d.packets().get(0), d.packets().get(1)))));
        // From a client: numbered by its chat seq.
        assertEquals(V2Datagram.of("a", "t", new Packet.Skipped(0xc1, 3), new Packet.Chat(4, false, "x")),
                decode(Hex.bytes("00 02 00 01 01 61 74 c1 00 05 00 00 00 03 ee 02 00 06 00 00 00 04 00 78")));
    }

    @Test
    void skippedAndAcceptedRecordsRefuseWhatTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new Packet.Skipped(0x3f, 0), "a core type");
        assertThrows(IllegalArgumentException.class, () -> new Packet.Skipped(0x100, 0), "not a byte");
        assertThrows(IllegalArgumentException.class, () -> new Packet.Skipped(0x41, 1), "unnumbered with a number");
        assertThrows(IllegalArgumentException.class, () -> Packet.Accepted.taken(1, 0, 0), "taken without an id");
        assertThrows(IllegalArgumentException.class,
                () -> new Packet.Accepted(1, 5, 0, java.util.Optional.of(ErrorCode.RATE_LIMITED)), "refused with an id");
        assertThrows(IllegalArgumentException.class, () -> new Packet.Welcome(1, 1, 1, 0, 0, 1), "no rate");
        assertThrows(IllegalArgumentException.class, () -> new Packet.Welcome(1, 1, 1, 0, 1, 0), "no burst");
        assertEquals(500, Packet.Welcome.rateMilli(0.5));
        assertEquals(666, Packet.Welcome.rateMilli(2 / 3.0), "rounded down: pacing to it stays within the limit");
        assertEquals(1, Packet.Welcome.rateMilli(0.0001));
        assertEquals(Integer.MAX_VALUE, Packet.Welcome.rateMilli(1e12));
    }

    @Test
    void typeCodesAreStable() {
        int[] expected = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, -1};
        PacketType[] types = PacketType.values();
        assertEquals(expected.length, types.length);
        for (int i = 0; i < types.length; i++) {
            assertEquals(expected[i], types[i].code(), types[i].name());
        }
    }

    // ---- round trips and bundling ------------------------------------------------------

    @Test
    void everyPacketTypeRoundTripsAlone() throws ProtocolException {
        for (Packet p : EVERY_PACKET) {
            V2Datagram d = V2Datagram.of("lobby", "token_0123456789abcdef0123456789abcdef", p);
            assertEquals(d, decode(V2Codec.encode(d)), p.toString());
            V2Datagram s = V2Datagram.of("ロビー", "", p);
            assertEquals(s, decode(V2Codec.encode(s)), p.toString());
        }
        assertEquals(PacketType.values().length,
                EVERY_PACKET.stream().map(Packet::type).distinct().count(), "every type is covered");
    }

    @Test
    void allPacketsBundleInOneDatagram() throws ProtocolException {
        V2Datagram d = new V2Datagram("r".repeat(255), "t".repeat(255), EVERY_PACKET);
        byte[] bytes = V2Codec.encode(d);
        assertTrue(bytes.length <= Limits.MAX_DATAGRAM);
        assertEquals(d, decode(bytes));
    }

    @Test
    void datagramOfManySmallPacketsUpTo4096Bytes() throws ProtocolException {
        // Header 6 bytes, each Ping 11: 371 pings fill 4087 bytes.
        List<Packet> pings = new ArrayList<>();
        for (int i = 0; i < 371; i++) {
            pings.add(new Packet.Ping(i));
        }
        V2Datagram d = new V2Datagram("a", "", pings);
        byte[] bytes = V2Codec.encode(d);
        assertEquals(6 + 371 * 11, bytes.length);
        assertEquals(d, decode(bytes));
        pings.add(new Packet.Ping(0));
        assertThrows(IllegalArgumentException.class, () -> V2Codec.encode(new V2Datagram("a", "", pings)));
    }

    @Test
    void decodeReadsBetweenPositionAndLimit() throws ProtocolException {
        V2Datagram d = V2Datagram.of("a", "t", new Packet.Ping(9));
        byte[] bytes = V2Codec.encode(d);
        ByteBuffer buf = ByteBuffer.wrap(concat("x:ff ff ff", bytes, "x:ff ff"));
        buf.position(3).limit(3 + bytes.length);
        assertEquals(d, V2Codec.decode(buf));
        assertEquals(3, buf.position());
        assertTrue(V2Codec.isV2(buf));
    }

    @Test
    void byteOrderOfTheCallersBufferDoesNotMatter() throws ProtocolException {
        V2Datagram d = V2Datagram.of("a", "t", new Packet.Ack(0x01020304, 0x0102030405060708L),
                new Packet.ChatMessage(0x0A0B0C0D, 1, 2L, false, "s", "x"));
        byte[] expected = V2Codec.encode(d);
        ByteBuffer little = ByteBuffer.allocate(Limits.MAX_DATAGRAM).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        V2Codec.writeHeader(little, "a".getBytes(), "t".getBytes());
        assertTrue(V2Codec.writePacket(little, d.packets().get(0)));
        Packet.ChatMessage m = (Packet.ChatMessage) d.packets().get(1);
        assertTrue(V2Codec.writeReliable(little, PacketType.MESSAGE, m.dseq(), V2Codec.encodeReliableTail(m)));
        little.flip();
        byte[] written = new byte[little.remaining()];
        little.duplicate().get(written);
        assertEquals(Hex.of(expected), Hex.of(written));
        assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, little.order(), "the caller's order is left as it was");
        assertEquals(d, V2Codec.decode(little));
    }

    @Test
    void isV2LooksAtTheFirstByteOnly() {
        assertTrue(V2Codec.isV2(ByteBuffer.wrap(Hex.bytes("00"))));
        assertFalse(V2Codec.isV2(ByteBuffer.wrap(Hex.bytes("01 02 61 74 31 68 69"))));
        assertFalse(V2Codec.isV2(ByteBuffer.allocate(0)));
    }

    @Test
    void textOfExactlyMaxTextBytesFitsWithTheLongestRoomAndRealNames() throws ProtocolException {
        // Longest room (255 bytes), a seed-style token (38 bytes), a 32-character user name of
        // 4-byte characters (128 bytes): the longest text still fits, both directions.
        String text = "é".repeat(Limits.MAX_TEXT_BYTES / 2);
        String token = "token_0123456789abcdef0123456789abcdef";
        String sender = "😀".repeat(Limits.MAX_USER_NAME_CHARS);
        V2Datagram chat = V2Datagram.of("r".repeat(255), token, new Packet.Chat(1, true, text));
        byte[] up = V2Codec.encode(chat);
        assertEquals(5 + 255 + 38 + 3 + 5 + 3600, up.length);
        assertEquals(chat, decode(up));
        V2Datagram msg = V2Datagram.of("r".repeat(255), "",
                new Packet.ChatMessage(1, 1, 1, false, sender, text));
        byte[] down = V2Codec.encode(msg);
        assertEquals(5 + 255 + 3 + 18 + 128 + 3600, down.length);
        assertEquals(msg, decode(down));
    }

    // ---- the per-recipient writer ------------------------------------------------------

    @Test
    void reliableTailPlusDseqIsExactlyWritePacket() {
        List<Packet.Reliable> reliable = List.of(
                new Packet.ChatMessage(0, 12, 99L, false, "alice", "hi 😀"),
                new Packet.RoomEvent(0, 99L, EventKind.KICKED, "bob", "spam"),
                new Packet.MemberList(0, List.of(new Packet.Member("alice", true, false))));
        for (Packet.Reliable template : reliable) {
            byte[] tail = V2Codec.encodeReliableTail(template);
            for (int dseq : new int[] {0, 1, -1, Integer.MIN_VALUE, 0x12345678}) {
                Packet.Reliable p = withDseq(template, dseq);
                ByteBuffer viaPacket = ByteBuffer.allocate(4096);
                assertTrue(V2Codec.writePacket(viaPacket, p));
                ByteBuffer viaTail = ByteBuffer.allocate(4096);
                assertTrue(V2Codec.writeReliable(viaTail, p.type(), dseq, tail));
                assertEquals(viaPacket.flip(), viaTail.flip(), p.toString());
                assertEquals(V2Codec.packetSize(p), viaTail.remaining());
            }
        }
    }

    private static Packet.Reliable withDseq(Packet.Reliable p, int dseq) {
        if (p instanceof Packet.ChatMessage m) {
            return new Packet.ChatMessage(dseq, m.msgId(), m.timestampMillis(), m.action(), m.sender(), m.text());
        }
        if (p instanceof Packet.RoomEvent e) {
            return new Packet.RoomEvent(dseq, e.timestampMillis(), e.kind(), e.name(), e.text());
        }
        return new Packet.MemberList(dseq, ((Packet.MemberList) p).members());
    }

    @Test
    void perRecipientDatagramDecodesWithThatRecipientsDseq() throws ProtocolException {
        Packet.ChatMessage template = new Packet.ChatMessage(0, 5, 10L, false, "alice", "hi");
        byte[] tail = V2Codec.encodeReliableTail(template);
        ByteBuffer buf = ByteBuffer.allocate(Limits.MAX_DATAGRAM);
        V2Codec.writeHeader(buf, "a".getBytes(), new byte[0]);
        assertEquals(V2Codec.headerSize(1, 0), buf.position());
        assertTrue(V2Codec.writeReliable(buf, PacketType.MESSAGE, 777, tail));
        buf.flip();
        assertEquals(V2Datagram.of("a", "", new Packet.ChatMessage(777, 5, 10L, false, "alice", "hi")), V2Codec.decode(buf));
    }

    @Test
    void writersReturnFalseWithoutWritingWhenThePacketDoesNotFit() {
        Packet.ChatMessage p = new Packet.ChatMessage(1, 2, 3L, false, "alice", "hello");
        int size = V2Codec.packetSize(p);
        assertEquals(3 + 4 + 4 + 8 + 1 + 1 + 5 + 5, size);
        ByteBuffer small = ByteBuffer.allocate(size - 1);
        small.put((byte) 0x55);
        assertFalse(V2Codec.writePacket(small, p));
        assertEquals(1, small.position());
        assertFalse(V2Codec.writeReliable(small, PacketType.MESSAGE, 1, V2Codec.encodeReliableTail(p)));
        assertEquals(1, small.position());
        byte[] untouched = new byte[size - 1];
        untouched[0] = 0x55;
        assertArrayEquals(untouched, small.array());
        ByteBuffer exact = ByteBuffer.allocate(size);
        assertTrue(V2Codec.writePacket(exact, p));
        assertFalse(exact.hasRemaining());
    }

    @Test
    void encodersRefuseWhatCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> V2Codec.writeHeader(ByteBuffer.allocate(600), new byte[0], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> V2Codec.writeHeader(ByteBuffer.allocate(600), new byte[256], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> V2Codec.writeHeader(ByteBuffer.allocate(600), new byte[1], new byte[256]));
        assertThrows(IllegalArgumentException.class, () -> V2Codec.packetSize(new Packet.Kick("k".repeat(256), "")));
        assertThrows(IllegalArgumentException.class,
                () -> V2Codec.packetSize(new Packet.ChatMessage(1, 1, 1, false, "s".repeat(256), "")));
        assertThrows(IllegalArgumentException.class, () -> V2Codec.packetSize(new Packet.Close("x".repeat(5000))));
        assertThrows(IllegalArgumentException.class, () -> new V2Datagram("a", "", List.of()));
    }

    @Test
    void chatTextOverTheLimitIsRefusedByTheEncoderAsByTheDecoder() {
        String tooLong = "x".repeat(Limits.MAX_TEXT_BYTES + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> V2Codec.encode(V2Datagram.of("a", "t", new Packet.Chat(1, false, tooLong))));
        assertEquals("chat text is 3601 bytes, the limit is 3600", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> V2Codec.packetSize(new Packet.ChatMessage(1, 1, 1, false, "a", tooLong)));
        assertThrows(IllegalArgumentException.class,
                () -> V2Codec.encodeReliableTail(new Packet.ChatMessage(1, 1, 1, false, "a", tooLong)));
    }

    @Test
    void memberListTooBigForADatagramIsAClearError() {
        List<Packet.Member> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(new Packet.Member("member-" + i, false, false));
        }
        ByteBuffer dst = ByteBuffer.allocate(Limits.MAX_DATAGRAM);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> V2Codec.writePacket(dst, new Packet.MemberList(1, many)));
        assertEquals("members packet does not fit in one 4096-byte datagram", e.getMessage());
        assertEquals(0, dst.position());
    }

    @Test
    void emptyBodiesHaveTheDocumentedSizes() {
        assertEquals(3 + 16, V2Codec.packetSize(new Packet.Register(0, 0, 0)));
        assertEquals(3 + 5, V2Codec.packetSize(new Packet.Chat(0, false, "")));
        assertEquals(3 + 12, V2Codec.packetSize(new Packet.Ack(0, 0)));
        assertEquals(3 + 8, V2Codec.packetSize(new Packet.Ping(0)));
        assertEquals(3, V2Codec.packetSize(new Packet.Leave()));
        assertEquals(3 + 1, V2Codec.packetSize(new Packet.Kick("", "")));
        assertEquals(3, V2Codec.packetSize(new Packet.Close("")));
        assertEquals(3 + 28, V2Codec.packetSize(new Packet.Welcome(0, 0, 0, 0, 1, 1)));
        assertEquals(3 + 18, V2Codec.packetSize(Packet.Accepted.refused(0, 0, ErrorCode.BAD_REQUEST)));
        assertEquals(3, V2Codec.packetSize(new Packet.Skipped(0x7f, 0)));
        assertEquals(3 + 4, V2Codec.packetSize(new Packet.Skipped(0x80, 0)));
        assertEquals(3 + 18, V2Codec.packetSize(new Packet.ChatMessage(0, 0, 0, false, "", "")));
        assertEquals(3 + 14, V2Codec.packetSize(new Packet.RoomEvent(0, 0, EventKind.JOINED, "", "")));
        assertEquals(3 + 6, V2Codec.packetSize(new Packet.MemberList(0, List.of())));
        assertEquals(3 + 16, V2Codec.packetSize(new Packet.Pong(0, 0)));
        assertEquals(3 + 1, V2Codec.packetSize(new Packet.Ended(EndReason.LEFT, "")));
        assertEquals(3 + 2, V2Codec.packetSize(new Packet.Error(ErrorCode.INTERNAL, "")));
    }

    @Test
    void enumCodesAreStable() throws ProtocolException {
        for (EventKind k : EventKind.values()) {
            assertEquals(k.ordinal() + 1, k.code());
            assertEquals(k, EventKind.ofCode(k.code()));
        }
        for (EndReason r : EndReason.values()) {
            assertEquals(r.ordinal() + 1, r.code());
            assertEquals(r, EndReason.ofCode(r.code()));
        }
        for (ErrorCode c : ErrorCode.values()) {
            assertEquals(c.ordinal() + 1, c.code());
        }
        assertEquals(Arrays.asList(EndReason.values()).size(), 8);
    }
}
