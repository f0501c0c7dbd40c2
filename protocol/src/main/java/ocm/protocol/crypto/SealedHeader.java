package ocm.protocol.crypto;

import ocm.protocol.Limits;

/**
 * The clear header of a sealed v2 datagram, which is also its AES-GCM associated data. Layout (all
 * big-endian; docs/SECURITY.md "Sealed datagram"):
 *
 * <pre>
 * 0   u8   0x00        marker: a v1 datagram never starts with 0 (its room length is 1..255)
 * 1   u8   form        0x80 | key phase: bit 7 set = sealed; a clear v2 datagram has its version
 *                      (2) here, always below 0x80; bits 6..1 are 0 (other values are refused)
 * 2   u64  session id  picks the session's keys (the server never tries keys)
 * 10  u64  packet number, per session and direction, never reused
 * 18  ...  AES-128-GCM ciphertext of the inner v2 packets
 * end 16   GCM tag
 * </pre>
 *
 * Example: phase 1, session 0x0102030405060708, packet 5 starts {@code 00 81 01 02 03 04 05 06 07 08
 * 00 00 00 00 00 00 00 05}.
 */
public final class SealedHeader {
    public static final int MARKER = 0x00;
    /** Bit 7 of byte 1: set only in sealed datagrams. */
    public static final int SEALED_FORM = 0x80;
    public static final int PHASE_BIT = 0x01;
    public static final int HEADER_BYTES = 18;
    public static final int TAG_BYTES = 16;
    /** What sealing adds to the inner packets: the bundler leaves this much room. */
    public static final int OVERHEAD = HEADER_BYTES + TAG_BYTES;
    /** The most inner-packet bytes one sealed datagram can carry within {@link Limits#MAX_DATAGRAM}. */
    public static final int MAX_PLAINTEXT = Limits.MAX_DATAGRAM - OVERHEAD;

    private SealedHeader() {
    }

    /**
     * True when these bytes are a sealed datagram by its first two bytes (the length is checked by
     * {@link Opener}). Check this before {@code V2Codec.isV2}: both start with 0x00.
     */
    public static boolean isSealed(byte[] buf, int off, int len) {
        return len >= 2 && buf[off] == MARKER && (buf[off + 1] & SEALED_FORM) != 0;
    }

    /** Writes the 18 header bytes at {@code off}. */
    public static void write(byte[] dst, int off, int phase, long sessionId, long packetNumber) {
        if (phase != 0 && phase != 1) {
            throw new IllegalArgumentException("key phase " + phase + ", it must be 0 or 1");
        }
        dst[off] = MARKER;
        dst[off + 1] = (byte) (SEALED_FORM | phase);
        putLong(dst, off + 2, sessionId);
        putLong(dst, off + 10, packetNumber);
    }

    /** The key phase of a datagram that {@link #isSealed}: bit 0 of byte 1. */
    public static int phase(byte[] buf, int off) {
        return buf[off + 1] & PHASE_BIT;
    }

    /** Byte 1 has no bits besides the form and phase bits (bits 6..1 are reserved). */
    static boolean knownForm(byte[] buf, int off) {
        return (buf[off + 1] & ~(SEALED_FORM | PHASE_BIT) & 0xFF) == 0;
    }

    public static long sessionId(byte[] buf, int off) {
        return getLong(buf, off + 2);
    }

    public static long packetNumber(byte[] buf, int off) {
        return getLong(buf, off + 10);
    }

    static byte[] sessionIdBytes(long sessionId) {
        byte[] b = new byte[8];
        putLong(b, 0, sessionId);
        return b;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
