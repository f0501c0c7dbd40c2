package ocm.server.room;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import ocm.protocol.Utf8;

/** Member tokens: 128 random bits in the seed's shape ({@code token_} + 32 hex), their hashes, and a safe form for logs. */
public final class Tokens {
    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return "token_" + HexFormat.of().formatHex(bits);
    }

    public int nextInt() {
        return random.nextInt();
    }

    /** SHA-256 of the token, hex: what the state file keeps instead of the token. */
    public static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(Utf8.encode(token)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The first few characters only: tokens are secrets and never go whole into a log. */
    public static String redact(String token) {
        return token.length() <= 10 ? "…" : token.substring(0, 10) + "…";
    }
}
