package ocm.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Golden vectors are written as hex in the tests: "05 01 00" or with ASCII parts mixed in. */
public final class Hex {
    private Hex() {
    }

    /** Parses space-separated hex bytes; whitespace and '|' are ignored. */
    public static byte[] bytes(String hex) {
        String clean = hex.replaceAll("[\\s|]", "");
        if (clean.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    public static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }

    /** Concatenates byte arrays, hex strings (prefix "x:") and ASCII/UTF-8 text. */
    public static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            byte[] b;
            if (p instanceof byte[] raw) {
                b = raw;
            } else if (p instanceof String s && s.startsWith("x:")) {
                b = bytes(s.substring(2));
            } else {
                b = ((String) p).getBytes(StandardCharsets.UTF_8);
            }
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    public static byte[] zeros(int n) {
        return new byte[n];
    }
}
