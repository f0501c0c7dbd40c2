package ocm.protocol.tcrp;

import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import ocm.protocol.Utf8;

/**
 * TCRP framing, byte-compatible with the seed.
 *
 * <pre>
 * byte 0      room name length in bytes (1..255; 0 only for LIST_ROOMS)
 * byte 1      operation (1 create, 2 join, 3 list)
 * byte 2      state (0 request, 1 compliance, 2 complete)
 * bytes 3..31 payload size, 29 bytes, unsigned big-endian
 * body        room name (UTF-8), then payload (UTF-8 JSON)
 *
 * create "lobby" as alice: 05 01 00 00..00 07 | "lobby" | "\"alice\""
 * </pre>
 *
 * The header is decoded and bounded first, so a reader allocates the body only once it knows
 * the size is acceptable.
 */
public final class TcrpCodec {
    public static final int HEADER_SIZE = 32;
    private static final int SIZE_BYTES = 29;

    private TcrpCodec() {
    }

    public static byte[] encode(TcrpFrame frame) {
        byte[] room = Utf8.encode(frame.roomName());
        byte[] payload = frame.payload();
        if (room.length > Limits.MAX_ROOM_NAME_BYTES) {
            throw new IllegalArgumentException("room name is " + room.length + " bytes, the limit is 255");
        }
        byte[] out = new byte[HEADER_SIZE + room.length + payload.length];
        out[0] = (byte) room.length;
        out[1] = (byte) frame.operation().code();
        out[2] = (byte) frame.state().code();
        long size = payload.length;
        for (int i = HEADER_SIZE - 1; i >= 3 && size != 0; i--) {
            out[i] = (byte) size;
            size >>>= 8;
        }
        System.arraycopy(room, 0, out, HEADER_SIZE, room.length);
        System.arraycopy(payload, 0, out, HEADER_SIZE + room.length, payload.length);
        return out;
    }

    /** Checks the 32 header bytes at {@code offset}; throws before any body is allocated. */
    public static TcrpHeader decodeHeader(byte[] bytes, int offset, int length) throws ProtocolException {
        if (length < HEADER_SIZE) {
            throw new ProtocolException("TCRP header is " + length + " bytes, it must be " + HEADER_SIZE);
        }
        int roomLen = bytes[offset] & 0xFF;
        Operation op = Operation.ofCode(bytes[offset + 1] & 0xFF);
        State state = State.ofCode(bytes[offset + 2] & 0xFF);
        // 29 size bytes: anything set above the low 4 bytes is already far over the limit.
        for (int i = 3; i < HEADER_SIZE - 4; i++) {
            if (bytes[offset + i] != 0) {
                throw new ProtocolException("TCRP payload size is over 2^32 bytes, the limit is " + Limits.MAX_TCRP_PAYLOAD);
            }
        }
        long size = 0;
        for (int i = HEADER_SIZE - 4; i < HEADER_SIZE; i++) {
            size = (size << 8) | (bytes[offset + i] & 0xFF);
        }
        if (size > Limits.MAX_TCRP_PAYLOAD) {
            throw new ProtocolException("TCRP payload is " + size + " bytes, the limit is " + Limits.MAX_TCRP_PAYLOAD);
        }
        if (roomLen == 0 && !(op == Operation.LIST_ROOMS || state != State.REQUEST)) {
            throw new ProtocolException("room name is empty");
        }
        return new TcrpHeader(roomLen, op, state, (int) size);
    }

    /** Decodes the body that follows {@code header}; {@code length} must be exactly its size. */
    public static TcrpFrame decodeBody(TcrpHeader header, byte[] body, int offset, int length) throws ProtocolException {
        if (length != header.bodySize()) {
            throw new ProtocolException("TCRP body is " + length + " bytes, the header announced " + header.bodySize());
        }
        String room = Utf8.decode(body, offset, header.roomNameLength(), "room name");
        byte[] payload = new byte[header.payloadSize()];
        System.arraycopy(body, offset + header.roomNameLength(), payload, 0, payload.length);
        return new TcrpFrame(header.operation(), header.state(), room, payload);
    }

    /** Decodes one whole message held in {@code bytes}. */
    public static TcrpFrame decode(byte[] bytes) throws ProtocolException {
        TcrpHeader header = decodeHeader(bytes, 0, bytes.length);
        long total = (long) HEADER_SIZE + header.bodySize();
        if (bytes.length < total) {
            throw new ProtocolException("TCRP message is truncated: " + bytes.length + " bytes of " + total);
        }
        if (bytes.length > total) {
            throw new ProtocolException("TCRP message has " + (bytes.length - total) + " bytes after its end");
        }
        return decodeBody(header, bytes, HEADER_SIZE, header.bodySize());
    }

    static String payloadText(TcrpFrame frame) throws ProtocolException {
        byte[] payload = frame.payload();
        return Utf8.decode(payload, 0, payload.length, "TCRP payload");
    }
}
