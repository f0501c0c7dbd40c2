package ocm.bench;

import java.nio.ByteBuffer;

/**
 * The bench's chat text: ASCII (so every protocol carries it unchanged), fixed layout, written and
 * read without allocating.
 *
 * <pre>
 * 0       '#'
 * 1..16   send time, System.nanoTime(), 16 hex digits
 * 17..24  sender id (global member index), 8 hex digits
 * 25..32  sender's sequence number, 8 hex digits
 * 33..    padding 'x' up to the configured size
 * "#0000001a2b3c4d5e0000000400000007xxxx"
 * </pre>
 */
final class Payload {
    static final int MIN_SIZE = 33;
    private static final byte MAGIC = '#';
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Payload() {
    }

    /** Writes a payload of {@code size} bytes at {@code dst}'s position. */
    static void write(ByteBuffer dst, long sendNanos, int senderId, int seq, int size) {
        dst.put(MAGIC);
        putHex(dst, sendNanos, 16);
        putHex(dst, senderId & 0xFFFFFFFFL, 8);
        putHex(dst, seq & 0xFFFFFFFFL, 8);
        for (int i = MIN_SIZE; i < size; i++) {
            dst.put((byte) 'x');
        }
    }

    /** True when the {@code length} bytes at absolute {@code offset} look like a bench payload. */
    static boolean matches(ByteBuffer src, int offset, int length) {
        return length >= MIN_SIZE && src.get(offset) == MAGIC;
    }

    /** The send time of a payload that {@link #matches}. Never throws: bad digits read as garbage. */
    static long sendNanos(ByteBuffer src, int offset) {
        return readHex(src, offset + 1, 16);
    }

    static int senderId(ByteBuffer src, int offset) {
        return (int) readHex(src, offset + 17, 8);
    }

    static int seq(ByteBuffer src, int offset) {
        return (int) readHex(src, offset + 25, 8);
    }

    private static void putHex(ByteBuffer dst, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            dst.put(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    private static long readHex(ByteBuffer src, int offset, int digits) {
        long v = 0;
        for (int i = 0; i < digits; i++) {
            int c = src.get(offset + i);
            int d = c <= '9' ? c - '0' : c - 'a' + 10;
            v = (v << 4) | (d & 0xF);
        }
        return v;
    }
}
