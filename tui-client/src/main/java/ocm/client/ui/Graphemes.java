package ocm.client.ui;

/**
 * Where the characters a person sees begin and end in a line being edited, so Left, Right,
 * Backspace and Delete move over an emoji sequence, a flag, or a letter with its marks as one:
 * a base code point with what extends it (marks, variation selectors, skin tones, tags, keycaps),
 * code points joined to it by U+200D, or a pair of flag letters. A simplification of Unicode's
 * extended grapheme clusters that covers what people type in a chat line.
 */
final class Graphemes {
    private static final int ZWJ = 0x200D;

    private Graphemes() {
    }

    /** The end of the character that starts at {@code i} ({@code i < s.length()}). */
    static int next(String s, int i) {
        int cp = s.codePointAt(i);
        int j = i + Character.charCount(cp);
        if (SafeText.isRegionalIndicator(cp)) {
            return j < s.length() && SafeText.isRegionalIndicator(s.codePointAt(j)) ? j + 2 : j;
        }
        while (j < s.length()) {
            int c = s.codePointAt(j);
            if (c == ZWJ) {
                j++;
                if (j < s.length()) {
                    j += Character.charCount(s.codePointAt(j));
                }
            } else if (extendsBase(c)) {
                j += Character.charCount(c);
            } else {
                break;
            }
        }
        return j;
    }

    /** The start of the character that ends at {@code i} ({@code i > 0}). */
    static int previous(String s, int i) {
        int start = 0;
        for (int at = 0; at < i; ) {
            start = at;
            at = next(s, at);
        }
        return start;
    }

    /** What draws as part of the code point before it; the same classes {@link SafeText} knows. */
    private static boolean extendsBase(int cp) {
        return SafeText.isMark(cp) || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                || SafeText.isVariationSelector(cp) || SafeText.isSkinTone(cp) || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}
