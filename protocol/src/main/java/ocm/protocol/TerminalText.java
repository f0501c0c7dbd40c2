package ocm.protocol;

/**
 * Text from the network made safe to print on a terminal: anything that could drive the
 * terminal (C0 and C1 controls, DEL, and so ESC/OSC sequences) or reorder or hide what the
 * reader sees (bidi overrides, zero-width and other format characters, lone surrogates) becomes
 * '?'; over-long text is cut with a count of what was left out.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} with every unsafe character replaced, at most {@code maxChars} characters kept. */
    public static String safe(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
        int kept = 0;
        int i = 0;
        while (i < text.length() && kept < maxChars) {
            int cp = text.codePointAt(i);
            out.appendCodePoint(unsafe(cp) ? '?' : cp);
            i += Character.charCount(cp);
            kept++;
        }
        if (i < text.length()) {
            out.append("…(").append(text.length() - i).append(" more)");
        }
        return out.toString();
    }

    /** True for characters that must not reach a terminal as they are. */
    public static boolean unsafe(int cp) {
        if (Character.isISOControl(cp)) {
            return true; // C0, DEL, C1
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED || cp == 0x2028 || cp == 0x2029;
    }
}
