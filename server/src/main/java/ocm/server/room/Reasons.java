package ocm.server.room;

import ocm.protocol.ErrorCode;
import ocm.protocol.Utf8;

/** Why-texts (kick, ban, close reasons; notices) cut or checked so every event built from them fits a datagram. */
public final class Reasons {
    /** Reasons (kick, ban, close) are cut to this, so every notice and event built from them fits a datagram. */
    public static final int MAX_REASON_BYTES = 1000;

    private Reasons() {
    }

    /** The longest prefix of {@code s} (whole code points) that fits in {@code maxBytes} of UTF-8. */
    public static String truncate(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                return s.substring(0, i);
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s;
    }

    /**
     * An operator's reason reaches the members whole or not at all: a host's is cut, but the
     * operator is told instead, before anything changes.
     */
    public static void check(String reason) throws RoomException {
        int bytes = Utf8.encode(reason).length;
        if (bytes > MAX_REASON_BYTES) {
            throw new RoomException(ErrorCode.TOO_LONG, "reason too long: " + bytes + " bytes, a reason can be at most "
                    + MAX_REASON_BYTES + " bytes (UTF-8); nothing was done");
        }
    }
}
