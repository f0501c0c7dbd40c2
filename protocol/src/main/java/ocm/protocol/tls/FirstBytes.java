package ocm.protocol.tls;

/**
 * Tells, from the first three bytes a client sends on the TCRP port, whether it speaks TLS or clear
 * TCRP, so one port serves both (docs/SECURITY.md "TLS and TCRP on one port").
 *
 * <pre>
 * TLS record:        16 03 0x   content type 22 (handshake), record version 3.x, x = 1..4
 * TCRP request:      R  op 00   room length R (0..255), operation 1..3, state 0 (request)
 * </pre>
 * A TCRP request always has state 0 in byte 2; a TLS record's byte 2 is the minor version, 1 or
 * more for every TLS version (TLS 1.0 = 3.1 ... 1.2 = 3.3; TLS 1.3 records say 3.1 or 3.3; only
 * SSL 3.0, which JSSE refuses, said 3.0). So byte 2 alone separates them; bytes 0 and 1 may coincide
 * ({@code 16 03} is a list-rooms request with a 22-byte room name field). The seed's client sends
 * operations 1 and 2 only, so its requests differ already in byte 1.
 */
public final class FirstBytes {
    /** How many bytes the classifier needs. */
    public static final int NEEDED = 3;
    static final int TLS_HANDSHAKE = 0x16;
    static final int TLS_MAJOR = 0x03;

    public enum Kind {
        /** A TLS record (an OCM client's ClientHello). */
        TLS,
        /** A clear TCRP request (a seed client, or an OCM client of the clear era). */
        TCRP,
        /** Neither: not a TCRP request header, not a TLS record. */
        UNKNOWN,
        /** Fewer than {@link #NEEDED} bytes so far: read more. */
        NEED_MORE
    }

    private FirstBytes() {
    }

    public static Kind classify(byte[] buf, int off, int len) {
        if (len < NEEDED) {
            return Kind.NEED_MORE;
        }
        int b0 = buf[off] & 0xFF;
        int b1 = buf[off + 1] & 0xFF;
        int b2 = buf[off + 2] & 0xFF;
        if (b0 == TLS_HANDSHAKE && b1 == TLS_MAJOR && b2 >= 0x01 && b2 <= 0x04) {
            return Kind.TLS;
        }
        if (b1 >= 1 && b1 <= 3 && b2 == 0) {
            return Kind.TCRP;
        }
        return Kind.UNKNOWN;
    }
}
