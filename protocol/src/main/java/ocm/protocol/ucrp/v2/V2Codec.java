package ocm.protocol.ucrp.v2;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import ocm.protocol.Utf8;

/**
 * UCRP v2 datagrams. A v1 datagram starts with a room-name length of at least 1, so a leading
 * zero byte marks v2. Layout (all integers big-endian; see docs/PROTOCOL.md):
 *
 * <pre>
 * 0  u8   0x00 marker
 * 1  u8   version (2)
 * 2  u8   flags (0; reserved for encryption)
 * 3  u8   room length R (1..255)
 * 4  u8   token length T (0..255; 0 from the server)
 * 5  R    room (UTF-8), then T token bytes (UTF-8)
 *    then one or more packets: [type u8][body length u16][body]
 * </pre>
 */
public final class V2Codec {
    public static final int MARKER = 0;
    public static final int VERSION = 2;
    public static final int HEADER_FIXED = 5;
    public static final int PACKET_HEADER = 3;

    private V2Codec() {
    }

    /** True when the datagram at {@code buf}'s position is v2 (first byte zero). */
    public static boolean isV2(ByteBuffer buf) {
        return buf.remaining() > 0 && buf.get(buf.position()) == MARKER;
    }

    // ---- encoding ----------------------------------------------------------------------

    public static byte[] encode(V2Datagram d) {
        ByteBuffer b = ByteBuffer.allocate(Limits.MAX_DATAGRAM);
        writeHeader(b, Utf8.encode(d.room()), Utf8.encode(d.token()));
        for (Packet p : d.packets()) {
            if (!writePacket(b, p)) {
                throw new IllegalArgumentException("packets do not fit in one " + Limits.MAX_DATAGRAM + "-byte datagram");
            }
        }
        b.flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Size of the header for these room and token bytes. */
    public static int headerSize(int roomBytes, int tokenBytes) {
        return HEADER_FIXED + roomBytes + tokenBytes;
    }

    public static void writeHeader(ByteBuffer dst, byte[] roomUtf8, byte[] tokenUtf8) {
        if (roomUtf8.length < 1 || roomUtf8.length > Limits.MAX_ROOM_NAME_BYTES) {
            throw new IllegalArgumentException("room name is " + roomUtf8.length + " bytes, it must be 1..255");
        }
        if (tokenUtf8.length > Limits.MAX_TOKEN_BYTES) {
            throw new IllegalArgumentException("token is " + tokenUtf8.length + " bytes, the limit is 255");
        }
        dst.put((byte) MARKER).put((byte) VERSION).put((byte) 0)
                .put((byte) roomUtf8.length).put((byte) tokenUtf8.length).put(roomUtf8).put(tokenUtf8);
    }

    /**
     * Appends one packet at {@code dst}'s position. Returns false, writing nothing, when it would
     * not fit in {@code dst} (whose limit the caller sets to at most {@link Limits#MAX_DATAGRAM}).
     */
    public static boolean writePacket(ByteBuffer dst, Packet p) {
        byte[] body = encodeBody(p);
        if (dst.remaining() < PACKET_HEADER + body.length) {
            return false;
        }
        dst.put((byte) p.typeCode());
        putU16(dst, body.length);
        dst.put(body);
        return true;
    }

    /**
     * The body of a reliable packet without its leading dseq, so a message can be encoded once and
     * written to each recipient with that recipient's dseq by {@link #writeReliable}.
     */
    public static byte[] encodeReliableTail(Packet.Reliable p) {
        byte[] body = encodeBody(p);
        byte[] tail = new byte[body.length - 4];
        System.arraycopy(body, 4, tail, 0, tail.length);
        return tail;
    }

    /** Appends a reliable packet from its pre-encoded tail; allocation-free. False if it does not fit. */
    public static boolean writeReliable(ByteBuffer dst, PacketType type, int dseq, byte[] tail) {
        int bodyLen = 4 + tail.length;
        if (dst.remaining() < PACKET_HEADER + bodyLen) {
            return false;
        }
        dst.put((byte) type.code());
        putU16(dst, bodyLen);
        dst.put((byte) (dseq >>> 24)).put((byte) (dseq >>> 16)).put((byte) (dseq >>> 8)).put((byte) dseq);
        dst.put(tail);
        return true;
    }

    /** Big-endian byte by byte: the wire order must not depend on the order the caller set on {@code dst}. */
    private static void putU16(ByteBuffer dst, int v) {
        dst.put((byte) (v >>> 8)).put((byte) v);
    }

    /** Encoded size of a packet, header included. */
    public static int packetSize(Packet p) {
        return PACKET_HEADER + encodeBody(p).length;
    }

    static byte[] encodeBody(Packet p) {
        ByteBuffer b = ByteBuffer.allocate(Limits.MAX_DATAGRAM);
        try {
            writeBody(b, p);
        } catch (BufferOverflowException e) {
            // e.g. a member list of a very big room: no datagram can carry it, so say so plainly.
            throw new IllegalArgumentException(p.type().name().toLowerCase() + " packet does not fit in one "
                    + Limits.MAX_DATAGRAM + "-byte datagram");
        }
        b.flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static void writeBody(ByteBuffer b, Packet p) {
        switch (p.type()) {
            case REGISTER: {
                Packet.Register r = (Packet.Register) p;
                b.putInt(r.session()).putInt(r.since()).putInt(r.nextSeq()).putInt(r.features());
                break;
            }
            case CHAT: {
                Packet.Chat c = (Packet.Chat) p;
                b.putInt(c.seq()).put((byte) (c.action() ? 1 : 0));
                putChatText(b, c.text());
                break;
            }
            case ACK: {
                Packet.Ack a = (Packet.Ack) p;
                b.putInt(a.cumulative()).putLong(a.mask());
                break;
            }
            case PING:
                b.putLong(((Packet.Ping) p).nonce());
                break;
            case LEAVE:
                break;
            case KICK: {
                Packet.Kick k = (Packet.Kick) p;
                putShortString(b, k.target(), "kick target");
                putText(b, k.reason());
                break;
            }
            case CLOSE:
                putText(b, ((Packet.Close) p).reason());
                break;
            case WELCOME: {
                Packet.Welcome w = (Packet.Welcome) p;
                b.putInt(w.session()).putInt(w.firstDseq()).putLong(w.serverTimeMillis())
                        .putInt(w.features()).putInt(w.rateMilli()).putInt(w.burst());
                break;
            }
            case ACCEPTED: {
                Packet.Accepted a = (Packet.Accepted) p;
                b.putInt(a.seq()).putInt(a.msgId()).putLong(a.timestampMillis())
                        .putShort((short) a.refusal().map(ErrorCode::code).orElse(0).intValue());
                break;
            }
            case MESSAGE: {
                Packet.ChatMessage m = (Packet.ChatMessage) p;
                b.putInt(m.dseq()).putInt(m.msgId()).putLong(m.timestampMillis()).put((byte) (m.action() ? 1 : 0));
                putShortString(b, m.sender(), "sender name");
                putChatText(b, m.text());
                break;
            }
            case EVENT: {
                Packet.RoomEvent e = (Packet.RoomEvent) p;
                b.putInt(e.dseq()).putLong(e.timestampMillis()).put((byte) e.kind().code());
                putShortString(b, e.name(), "event name");
                putText(b, e.text());
                break;
            }
            case MEMBERS: {
                Packet.MemberList l = (Packet.MemberList) p;
                b.putInt(l.dseq()).putShort((short) l.members().size());
                for (Packet.Member m : l.members()) {
                    b.put((byte) ((m.host() ? 1 : 0) | (m.v1() ? 2 : 0)));
                    putShortString(b, m.name(), "member name");
                }
                break;
            }
            case PONG: {
                Packet.Pong p2 = (Packet.Pong) p;
                b.putLong(p2.nonce()).putLong(p2.serverTimeMillis());
                break;
            }
            case ENDED: {
                Packet.Ended e = (Packet.Ended) p;
                b.put((byte) e.reason().code());
                putText(b, e.message());
                break;
            }
            case ERROR: {
                Packet.Error e = (Packet.Error) p;
                b.putShort((short) e.code().code());
                putText(b, e.message());
                break;
            }
            case SKIPPED: {
                Packet.Skipped k = (Packet.Skipped) p;
                if (k.numbered()) {
                    b.putInt(k.number());
                }
                break;
            }
            default:
                throw new IllegalStateException("unhandled packet type " + p.type());
        }
    }

    private static void putShortString(ByteBuffer b, String s, String what) {
        byte[] bytes = Utf8.encode(s);
        if (bytes.length > 255) {
            throw new IllegalArgumentException(what + " is " + bytes.length + " bytes, the limit is 255");
        }
        b.put((byte) bytes.length).put(bytes);
    }

    /** Chat text is bounded like the decoder bounds it, so nothing is encoded that the other side must refuse. */
    private static void putChatText(ByteBuffer b, String s) {
        byte[] bytes = Utf8.encode(s);
        if (bytes.length > Limits.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("chat text is " + bytes.length + " bytes, the limit is " + Limits.MAX_TEXT_BYTES);
        }
        b.put(bytes);
    }

    private static void putText(ByteBuffer b, String s) {
        byte[] bytes = Utf8.encode(s);
        if (bytes.length > b.remaining()) {
            throw new IllegalArgumentException("text of " + bytes.length + " bytes does not fit in a datagram");
        }
        b.put(bytes);
    }

    // ---- decoding ----------------------------------------------------------------------

    /** Decodes the datagram between {@code buf}'s position and limit; the position is unchanged. */
    public static V2Datagram decode(ByteBuffer buf) throws ProtocolException {
        int start = buf.position();
        int end = buf.limit();
        if (end - start > Limits.MAX_DATAGRAM) {
            throw new ProtocolException("datagram is " + (end - start) + " bytes, the limit is " + Limits.MAX_DATAGRAM);
        }
        ByteReader r = new ByteReader(buf, start, end);
        if (r.u8("v2 marker") != MARKER) {
            throw new ProtocolException("not a v2 datagram (first byte is not 0)");
        }
        int version = r.u8("version");
        if (version != VERSION) {
            throw new ProtocolException("unsupported protocol version " + version + " (this side speaks " + VERSION + ")");
        }
        int flags = r.u8("flags");
        if (flags != 0) {
            throw new ProtocolException(String.format("unsupported datagram flags 0x%02x", flags));
        }
        int roomLen = r.u8("room length");
        int tokenLen = r.u8("token length");
        if (roomLen == 0) {
            throw new ProtocolException("room name is empty");
        }
        String room = r.utf8(roomLen, "room name");
        String token = r.utf8(tokenLen, "token");
        List<Packet> packets = new ArrayList<>(2);
        while (r.remaining() > 0) {
            int type = r.u8("packet type");
            int len = r.u16("packet length");
            if (len > r.remaining()) {
                throw new ProtocolException("packet length " + len + " runs past the end of the datagram ("
                        + r.remaining() + " bytes remain)");
            }
            int bodyStart = r.position();
            ByteReader body = new ByteReader(buf, bodyStart, bodyStart + len);
            PacketType known = PacketType.known(type);
            packets.add(known == null && PacketType.isOptional(type) ? skipped(type, body) : decodeBody(PacketType.ofCode(type), body));
            r.skip(len, "packet body");
        }
        if (packets.isEmpty()) {
            throw new ProtocolException("datagram carries no packet");
        }
        return new V2Datagram(room, token, packets);
    }

    private static Packet decodeBody(PacketType type, ByteReader r) throws ProtocolException {
        String what = type.name().toLowerCase() + " packet";
        Packet p;
        switch (type) {
            case REGISTER:
                p = new Packet.Register(r.i32(what), r.i32(what), r.i32(what), r.i32(what));
                break;
            case CHAT: {
                int seq = r.i32(what);
                int flags = r.u8(what);
                p = new Packet.Chat(seq, (flags & 1) != 0, text(r, "chat text"));
                break;
            }
            case ACK:
                p = new Packet.Ack(r.i32(what), r.i64(what));
                break;
            case PING:
                p = new Packet.Ping(r.i64(what));
                break;
            case LEAVE:
                p = new Packet.Leave();
                break;
            case KICK: {
                String target = r.utf8(r.u8(what), "kick target");
                p = new Packet.Kick(target, r.rest("kick reason"));
                break;
            }
            case CLOSE:
                p = new Packet.Close(r.rest("close reason"));
                break;
            case WELCOME:
                p = welcome(r, what);
                break;
            case ACCEPTED:
                p = accepted(r, what);
                break;
            case MESSAGE: {
                int dseq = r.i32(what);
                int msgId = r.i32(what);
                long ts = r.i64(what);
                int flags = r.u8(what);
                String sender = r.utf8(r.u8(what), "sender name");
                p = new Packet.ChatMessage(dseq, msgId, ts, (flags & 1) != 0, sender, text(r, "message text"));
                break;
            }
            case EVENT: {
                int dseq = r.i32(what);
                long ts = r.i64(what);
                EventKind kind = EventKind.ofCode(r.u8(what));
                String name = r.utf8(r.u8(what), "event name");
                p = new Packet.RoomEvent(dseq, ts, kind, name, r.rest("event text"));
                break;
            }
            case MEMBERS: {
                int dseq = r.i32(what);
                int count = r.u16(what);
                // Each member takes at least 2 bytes: bound the count before allocating for it.
                if (count * 2 > r.remaining()) {
                    throw new ProtocolException("member list claims " + count + " members but has " + r.remaining() + " bytes");
                }
                List<Packet.Member> members = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int flags = r.u8(what);
                    String name = r.utf8(r.u8(what), "member name");
                    members.add(new Packet.Member(name, (flags & 1) != 0, (flags & 2) != 0));
                }
                p = new Packet.MemberList(dseq, members);
                break;
            }
            case PONG:
                p = new Packet.Pong(r.i64(what), r.i64(what));
                break;
            case ENDED:
                p = new Packet.Ended(EndReason.ofCode(r.u8(what)), r.rest("end message"));
                break;
            case ERROR: {
                int code = r.u16(what);
                ErrorCode ec = ErrorCode.ofCode(code)
                        .orElseThrow(() -> new ProtocolException("unknown error code " + code));
                p = new Packet.Error(ec, r.rest("error message"));
                break;
            }
            default:
                throw new ProtocolException("unhandled packet type " + type);
        }
        r.expectEnd(what);
        return p;
    }

    /** An optional type this side does not know: skipped, keeping only the number a numbered one starts with. */
    private static Packet skipped(int type, ByteReader r) throws ProtocolException {
        return new Packet.Skipped(type, PacketType.isNumbered(type)
                ? r.i32(String.format("numbered packet of type 0x%02x", type)) : 0);
    }

    private static Packet welcome(ByteReader r, String what) throws ProtocolException {
        int session = r.i32(what);
        int firstDseq = r.i32(what);
        long time = r.i64(what);
        int features = r.i32(what);
        int rate = r.i32(what);
        int burst = r.i32(what);
        r.expectEnd(what);
        if (rate <= 0 || burst <= 0) {
            throw new ProtocolException("welcome packet has rate " + rate + " and burst " + burst + "; both must be positive");
        }
        return new Packet.Welcome(session, firstDseq, time, features, rate, burst);
    }

    private static Packet accepted(ByteReader r, String what) throws ProtocolException {
        int seq = r.i32(what);
        int msgId = r.i32(what);
        long ts = r.i64(what);
        int code = r.u16(what);
        r.expectEnd(what);
        if (code == 0) {
            if (msgId == 0) {
                throw new ProtocolException("accepted packet has message id 0 but no refusal code");
            }
            return Packet.Accepted.taken(seq, msgId, ts);
        }
        if (msgId != 0) {
            throw new ProtocolException("accepted packet has message id " + msgId + " and refusal code " + code);
        }
        ErrorCode why = ErrorCode.ofCode(code).orElseThrow(() -> new ProtocolException("unknown refusal code " + code));
        return Packet.Accepted.refused(seq, ts, why);
    }

    private static String text(ByteReader r, String what) throws ProtocolException {
        if (r.remaining() > Limits.MAX_TEXT_BYTES) {
            throw new ProtocolException(what + " is " + r.remaining() + " bytes, the limit is " + Limits.MAX_TEXT_BYTES);
        }
        return r.rest(what);
    }
}
