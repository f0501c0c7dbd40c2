package ocm.server.udp;

/**
 * Text for a seed (v1) client, which prints what it receives raw: every C0 and C1 control (so
 * newlines, carriage returns and ESC, which could forge a "*server*" line, clear the screen or set
 * the window title), DEL, the line and paragraph separators, and every bidi control (overrides,
 * embeddings, isolates, marks) becomes a visible '?'. Text with none of them is returned as it is,
 * so ordinary chats stay byte-identical to the seed's.
 */
final class V1Text {
    static final char MARK = '?';

    private V1Text() {
    }

    static String clean(String text) {
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(unsafe(c) ? MARK : c);
        }
        return out.toString();
    }

    /** Every such character is in the BMP, so a char test is exact (surrogates pass through untouched). */
    static boolean unsafe(char c) {
        return Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029
                || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
