package ocm.client.ui;

import java.text.Normalizer;

/**
 * Makes other people's text safe to show. For the full screen, Lanterna and the terminal must
 * agree on every character's width ({@link CellWidth}), or the rest of the row shifts: what
 * draws nothing (combining marks, joiners, bidi and other format characters, variation selectors,
 * skin tones) is dropped, so an emoji sequence shows as its parts; a flag shows as its letters
 * ([FR]); a character the two measure differently is widened, replaced by its compatibility form,
 * or shown as one replacement mark.
 * Line output keeps emoji but loses what could reorder or smear the line. Control characters
 * never reach the terminal in either.
 */
public final class SafeText {
    private static final char MARK = '\uFFFD';
    /** After a BMP emoji that terminals draw two columns wide, makes Lanterna reserve two as well. */
    static final char WIDEN = '\uFE0F';
    private static final int ZWJ = 0x200D;
    private static final int ZWNJ = 0x200C;
    /** Combining marks kept per base character in line output: enough for real scripts, not for a smear. */
    private static final int LINE_MARKS = 2;

    private SafeText() {
    }

    /**
     * For the full screen: every code point left takes the same columns for Lanterna as for the
     * terminal. A BMP character the terminal draws two wide (✅, ☕) is followed by {@link #WIDEN}:
     * the pair is one double-width cell to Lanterna ({@link Cells} keeps it whole).
     */
    public static String forCells(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC); // "e" + U+0301 becomes one letter
        StringBuilder b = new StringBuilder(n.length());
        boolean loneFlagLetter = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (isRegionalIndicator(cp)) {
                // Terminals disagree on a flag's width, so its two letters are shown as letters: [FR].
                char letter = (char) ('A' + cp - 0x1F1E6);
                if (loneFlagLetter) {
                    b.insert(b.length() - 1, letter);
                } else {
                    b.append('[').append(letter).append(']');
                }
                loneFlagLetter = !loneFlagLetter;
                continue;
            }
            loneFlagLetter = false;
            if (isControl(cp)) {
                b.append(cp == '\t' ? ' ' : '?');
            } else if (Character.isSurrogate((char) cp) && !Character.isSupplementaryCodePoint(cp)) {
                b.append(MARK); // half of a pair: nothing a terminal can draw
            } else if (isZeroWidth(cp) || CellWidth.terminal(cp) == 0 || isSkinTone(cp)) {
                continue; // nothing drawn (or drawn apart, as a swatch, by some terminals): no cell
            } else if (Character.getType(cp) == Character.UNASSIGNED && CellWidth.terminal(cp) == 1) {
                b.append(MARK); // newer than Java's Unicode, or unassigned: perhaps nothing a terminal prints
            } else if (CellWidth.agrees(cp)) {
                b.appendCodePoint(cp);
            } else {
                appendMeasurable(b, cp);
            }
        }
        return b.toString();
    }

    /**
     * A code point Lanterna and the terminal measure differently, as something they agree on: a
     * wide symbol (emoji) widened; else its compatibility form if that agrees (U+1D538
     * double-struck A is an A, U+2F00 Kangxi "one" the ideograph, U+FE50 a comma); else widened
     * if wide; else one replacement mark.
     */
    private static void appendMeasurable(StringBuilder b, int cp) {
        boolean widens = CellWidth.terminal(cp) == 2 && CellWidth.widens(cp);
        if (widens && Character.getType(cp) == Character.OTHER_SYMBOL) {
            b.appendCodePoint(cp).append(WIDEN);
            return;
        }
        String compat = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (!compat.isEmpty() && compat.codePoints().allMatch(c -> !isControl(c) && !isZeroWidth(c) && CellWidth.agrees(c))) {
            b.append(compat);
        } else if (widens) {
            b.appendCodePoint(cp).append(WIDEN);
        } else {
            b.append(MARK);
        }
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

    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }
}
