package ocm.protocol.crypto;

import java.nio.charset.StandardCharsets;

/**
 * The fixed HKDF labels of the sealed-datagram key schedule (docs/SECURITY.md "Key derivation").
 * ASCII, each starting "ocm1 " so no other protocol's HKDF output can be mistaken for ours; changing
 * one changes every key, so they are pinned by {@code SessionKeysTest}.
 */
final class Labels {
    static final byte[] CLIENT_TO_SERVER = ascii("ocm1 c2s");
    static final byte[] SERVER_TO_CLIENT = ascii("ocm1 s2c");
    static final byte[] KEY = ascii("ocm1 key");
    static final byte[] IV = ascii("ocm1 iv");
    static final byte[] KEY_UPDATE = ascii("ocm1 ku");

    private Labels() {
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
