package ocm.client.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * File names for any room or server name: letters, digits, {@code -} and {@code _} stay, every
 * other byte of the UTF-8 (a slash, a dot, a space, a control character, {@code %} itself) is
 * written {@code %XX}, so no name can climb out of its folder or hide ({@code ..}, {@code .x})
 * and each name has its own file ({@link #decode} gives it back). A name whose encoding is longer
 * than {@value #MAX} characters is cut and gets {@code ~} and a hash of the whole name instead.
 */
public final class LogNames {
    static final int MAX = 180;

    private LogNames() {
    }

    public static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        if (out.length() <= MAX) {
            return out.toString();
        }
        // Cut before a %XX, never inside one, so the head still decodes.
        int cut = MAX - 17;
        if (out.charAt(cut - 1) == '%') {
            cut -= 1;
        } else if (out.charAt(cut - 2) == '%') {
            cut -= 2;
        }
        return out.substring(0, cut) + "~" + hash(name);
    }

    /** The name an {@link #encode}d file name (one not cut) stands for. */
    public static String decode(String file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < file.length(); i++) {
            char c = file.charAt(i);
            if (c == '%' && i + 2 < file.length()) {
                bytes.write(Integer.parseInt(file.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String hash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", d[i] & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
