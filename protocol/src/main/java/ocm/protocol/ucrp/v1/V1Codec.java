package ocm.protocol.ucrp.v1;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import ocm.protocol.Utf8;

/**
 * UCRP v1, the seed's datagrams, byte for byte.
 *
 * <pre>
 * client to server: [room len:1][token len:1][room][token][text...]   room len >= 1
 * server to client: [sender len:1][sender][text...]
 *                   or the bare ASCII bytes __ROOM_CLOSED__
 * "hi" from token "t1" in room "a": 01 02 61 74 31 68 69
 * </pre>
 */
public final class V1Codec {
    public static final String REGISTER = "__REGISTER__";
    public static final String LEAVE = "__LEAVE__";
    public static final String ROOM_CLOSED = "__ROOM_CLOSED__";
    private static final byte[] ROOM_CLOSED_BYTES = ROOM_CLOSED.getBytes(StandardCharsets.US_ASCII);

    private V1Codec() {
    }

    public static byte[] encodeClient(String room, String token, String text) {
        byte[] r = Utf8.encode(room);
        byte[] t = Utf8.encode(token);
        byte[] m = Utf8.encode(text);
        checkLength(r.length, 1, Limits.MAX_ROOM_NAME_BYTES, "room name");
        checkLength(t.length, 0, Limits.MAX_TOKEN_BYTES, "token");
        int size = 2 + r.length + t.length + m.length;
        if (size > Limits.MAX_DATAGRAM) {
            throw new IllegalArgumentException("datagram would be " + size + " bytes, the limit is " + Limits.MAX_DATAGRAM);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) r.length).put((byte) t.length).put(r).put(t).put(m);
        return b.array();
    }

    /** Decodes the datagram between {@code buf}'s position and limit; the position is unchanged. */
    public static V1ClientMessage decodeClient(ByteBuffer buf) throws ProtocolException {
        int start = buf.position();
        int len = buf.remaining();
        if (len > Limits.MAX_DATAGRAM) {
            throw new ProtocolException("datagram is " + len + " bytes, the limit is " + Limits.MAX_DATAGRAM);
        }
        if (len < 2) {
            throw new ProtocolException("datagram is " + len + " bytes, too short for a v1 header");
        }
        int roomLen = buf.get(start) & 0xFF;
        int tokenLen = buf.get(start + 1) & 0xFF;
        if (roomLen == 0) {
            throw new ProtocolException("room name is empty");
        }
        if (2 + roomLen + tokenLen > len) {
            throw new ProtocolException("room and token lengths (" + roomLen + " + " + tokenLen
                    + ") run past the end of a " + len + "-byte datagram");
        }
        String room = Utf8.decode(buf.duplicate().position(start + 2).limit(start + 2 + roomLen), "room name");
        String token = Utf8.decode(buf.duplicate().position(start + 2 + roomLen).limit(start + 2 + roomLen + tokenLen), "token");
        String text = Utf8.decode(buf.duplicate().position(start + 2 + roomLen + tokenLen).limit(start + len), "message");
        return new V1ClientMessage(room, token, text);
    }

    public static byte[] encodeServer(String sender, String text) {
        byte[] s = Utf8.encode(sender);
        byte[] m = Utf8.encode(text);
        ByteBuffer b = ByteBuffer.allocate(1 + s.length + m.length);
        encodeServer(b, s, m);
        return b.array();
    }

    /**
     * Writes {@code [sender len][sender][text]} into {@code dst} at its position, for callers that
     * reuse one buffer and encode once per message. Returns false (writing nothing) if it would
     * not fit or exceed the datagram limit.
     */
    public static boolean encodeServer(ByteBuffer dst, byte[] senderUtf8, byte[] textUtf8) {
        checkLength(senderUtf8.length, 1, 255, "sender name");
        int size = 1 + senderUtf8.length + textUtf8.length;
        if (size > Limits.MAX_DATAGRAM || size > dst.remaining()) {
            return false;
        }
        dst.put((byte) senderUtf8.length).put(senderUtf8).put(textUtf8);
        return true;
    }

    public static byte[] roomClosed() {
        return ROOM_CLOSED_BYTES.clone();
    }

    public static V1ServerMessage decodeServer(ByteBuffer buf) throws ProtocolException {
        int start = buf.position();
        int len = buf.remaining();
        if (len == ROOM_CLOSED_BYTES.length) {
            byte[] copy = new byte[len];
            buf.duplicate().get(copy);
            if (Arrays.equals(copy, ROOM_CLOSED_BYTES)) {
                return new V1ServerMessage.RoomClosed();
            }
        }
        if (len > Limits.MAX_DATAGRAM) {
            throw new ProtocolException("datagram is " + len + " bytes, the limit is " + Limits.MAX_DATAGRAM);
        }
        if (len < 1) {
            throw new ProtocolException("datagram is empty");
        }
        int senderLen = buf.get(start) & 0xFF;
        if (senderLen == 0) {
            throw new ProtocolException("sender name is empty");
        }
        if (1 + senderLen > len) {
            throw new ProtocolException("sender name length " + senderLen + " runs past the end of a " + len + "-byte datagram");
        }
        String sender = Utf8.decode(buf.duplicate().position(start + 1).limit(start + 1 + senderLen), "sender name");
        String text = Utf8.decode(buf.duplicate().position(start + 1 + senderLen).limit(start + len), "message");
        return new V1ServerMessage.Chat(sender, text);
    }

    private static void checkLength(int n, int min, int max, String what) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(what + " is " + n + " bytes, it must be " + min + ".." + max);
        }
    }
}
