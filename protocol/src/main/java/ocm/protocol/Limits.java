package ocm.protocol;

/** Sizes every side agrees on. Checked before anything is allocated from an input length. */
public final class Limits {
    /** No UDP datagram is larger than this, either way (the seed's buffer size). */
    public static final int MAX_DATAGRAM = 4096;
    public static final int MAX_ROOM_NAME_BYTES = 255;
    public static final int MAX_TOKEN_BYTES = 255;
    /** User names are counted in characters (code points), not bytes. */
    public static final int MAX_USER_NAME_CHARS = 32;
    /**
     * Longest chat text in UTF-8 bytes. Chosen so that every encoding of a message (v1 or v2)
     * still fits one 4096-byte datagram with the longest room name (255 bytes), the longest user
     * name (32 characters, at most 128 bytes) and a token of up to 228 bytes (the server's tokens
     * are far shorter). A 255-byte token with a 255-byte room would leave room for less text.
     */
    public static final int MAX_TEXT_BYTES = 3600;
    /** Largest TCRP payload accepted; a bigger declared size is refused before reading it. */
    public static final int MAX_TCRP_PAYLOAD = 64 * 1024;
    /** Longest password, in UTF-8 bytes. */
    public static final int MAX_PASSWORD_BYTES = 256;

    private Limits() {
    }
}
