package ocm.client.ui;

import java.text.Normalizer;

/**
 * Makes other people's text safe to show. Lanterna gives every char one cell (two for CJK) and
 * the terminal must agree, so for the full screen nothing may be zero-width: combining marks,
 * format characters (ZWJ, bidi controls, BOM) and variation selectors are dropped, and a whole
 * emoji sequence becomes one replacement mark. Line output keeps emoji but loses what could
 * reorder or smear the line. Control characters never reach the terminal in either.
 */
public final class SafeText {
    private static final char MARK = '\uFFFD';
    private static final int ZWJ = 0x200D;
    private static final int ZWNJ = 0x200C;
    /** Combining marks kept per base character in line output: enough for real scripts, not for a smear. */
    private static final int LINE_MARKS = 2;

    private SafeText() {
    }

    /** For the full screen: one cell per char, as Lanterna measures it. */
    public static String forCells(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC); // "e" + U+0301 becomes one letter
        StringBuilder b = new StringBuilder(n.length());
        EmojiRun emoji = new EmojiRun();
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (emoji.absorbs(cp)) {
                continue;
            }
            if (isControl(cp)) {
                b.append(cp == '\t' ? ' ' : '?');
            } else if (isZeroWidth(cp)) {
                continue; // nothing drawn, so no cell
            } else if (Character.isSupplementaryCodePoint(cp) || Character.isSurrogate((char) cp)) {
                b.append(MARK); // Lanterna cannot measure these: one mark keeps the layout
                emoji.started(cp);
                continue;
            } else {
                b.appendCodePoint(cp);
                if (Character.getType(cp) == Character.OTHER_SYMBOL) {
                    emoji.started(cp); // U+2764 in "heart ZWJ fire" leads a sequence too
                    continue;
                }
            }
            emoji.ended();
        }
        return b.toString();
    }

    /** For line output (--plain): keeps emoji and joiners, drops bidi and other format controls, limits mark stacks. */
    public static String forLine(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        int marks = 0;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (isControl(cp)) {
                b.append(cp == '\t' ? ' ' : '?');
                marks = 0;
            } else if (isMark(cp)) {
                if (++marks <= LINE_MARKS) {
                    b.appendCodePoint(cp);
                }
            } else if (Character.getType(cp) == Character.FORMAT && cp != ZWJ && cp != ZWNJ) {
                continue; // bidi overrides would reorder the line; the rest draw nothing
            } else {
                b.appendCodePoint(cp);
                marks = isVariationSelector(cp) ? marks : 0;
            }
        }
        return b.toString();
    }

    /** C0, DEL and C1 (0x9b is CSI to some terminals), and the Unicode line and paragraph separators. */
    static boolean isControl(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isZeroWidth(int cp) {
        return isMark(cp) || Character.getType(cp) == Character.FORMAT || isVariationSelector(cp);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    /**
     * Tracks an emoji sequence after its first mark: skin tones, the second flag letter, and
     * whatever a ZWJ joins on (the man in "man ZWJ woman", the BMP sign in "woman ZWJ U+2640")
     * belong to the mark already drawn.
     */
    private static final class EmojiRun {
        private boolean open;
        private boolean joined;
        private boolean loneFlagLetter;

        boolean absorbs(int cp) {
            if (!open) {
                return false;
            }
            if (cp == ZWJ) {
                joined = true;
                return true;
            }
            if (isVariationSelector(cp) || isMark(cp) || Character.getType(cp) == Character.FORMAT) {
                return true; // U+FE0F, keycap U+20E3, tag characters of subdivision flags
            }
            if (isSkinTone(cp) || (loneFlagLetter && isRegionalIndicator(cp))
                    || (joined && (Character.isSupplementaryCodePoint(cp) || Character.getType(cp) == Character.OTHER_SYMBOL))) {
                joined = false;
                loneFlagLetter = false;
                return true;
            }
            return false;
        }

        void started(int cp) {
            open = true;
            joined = false;
            loneFlagLetter = isRegionalIndicator(cp);
        }

        void ended() {
            open = false;
            joined = false;
            loneFlagLetter = false;
        }
    }
}
