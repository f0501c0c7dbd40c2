package ocm.server.room;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A room password as stored: PBKDF2-HMAC-SHA256 with a random salt, never the password itself.
 * Hashing is deliberately slow, so callers do it off the relay thread.
 */
public record PasswordHash(String saltBase64, String hashBase64, int iterations) {
    public static final int ITERATIONS = 60_000;
    /**
     * The most a stored hash may ask for (ten times ours): a hand-edited state file with two billion
     * would make every join to that room cost minutes of a hashing thread.
     */
    public static final int MAX_ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        Objects.requireNonNull(saltBase64, "saltBase64");
        Objects.requireNonNull(hashBase64, "hashBase64");
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
    }

    public static PasswordHash of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new PasswordHash(b64.encodeToString(salt), b64.encodeToString(derive(password, salt, ITERATIONS)), ITERATIONS);
    }

    public boolean matches(String password) {
        byte[] salt = Base64.getDecoder().decode(saltBase64);
        byte[] expected = Base64.getDecoder().decode(hashBase64);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[pbkdf2, " + iterations + " iterations]";
    }
}
