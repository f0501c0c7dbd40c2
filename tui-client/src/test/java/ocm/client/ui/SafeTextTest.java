package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.TerminalTextUtils;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void cellsHoldNoZeroWidthCharacters() {
        assertEquals("\u00e9", SafeText.forCells("e\u0301")); // composes
        assertEquals("q", SafeText.forCells("q" + "\u0301".repeat(200) + "\u20DD"));
        assertEquals("ab", SafeText.forCells("a\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202Eb"));
        assertEquals("ab", SafeText.forCells("\uFEFFa\u2066\u2067\u2068\u2069b\uFE0E"));
        assertEquals("x", SafeText.forCells("x\uDB40\uDD00")); // U+E0100, a supplementary variation selector
    }

    @Test
    void emojiSequencesAreDrawnAsTheirParts() {
        assertEquals("\uD83D\uDC68\uD83D\uDC69\uD83D\uDC67\uD83D\uDC66",
                SafeText.forCells("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66")); // family
        assertEquals("\uD83D\uDC69\u2695", SafeText.forCells("\uD83D\uDC69\uD83C\uDFFD\u200D\u2695\uFE0F")); // health worker
        assertEquals("\uD83D\uDC4D", SafeText.forCells("\uD83D\uDC4D\uD83C\uDFFB")); // no skin-tone swatch
        assertEquals("\uD83C\uDFF4", SafeText.forCells(
                "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F")); // Scotland: the flag
        assertEquals("\u2764\uD83D\uDD25", SafeText.forCells("\u2764\uFE0F\u200D\uD83D\uDD25")); // heart on fire
        assertEquals("1", SafeText.forCells("1\uFE0F\u20E3")); // keycap
        assertEquals("\uD83D\uDE00\uD83D\uDE00", SafeText.forCells("\uD83D\uDE00\uD83D\uDE00"));
        assertEquals("\uD83D\uDE00 a", SafeText.forCells("\uD83D\uDE00\u200D a"));
    }

    @Test
    void flagsWhoseWidthTerminalsDisagreeOnShowAsTheirLetters() {
        assertEquals("[FR][DE]", SafeText.forCells("\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDE9\uD83C\uDDEA")); // two flags
        assertEquals("[F]x", SafeText.forCells("\uD83C\uDDEBx")); // a lone flag letter
        assertEquals("[FR][D]", SafeText.forCells("\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDE9"));
    }

    @Test
    void charactersLanternaMeasuresWronglyAreWidenedOrReplaced() {
        // Two columns in a terminal, one to Lanterna: widened, so both reserve two.
        assertEquals("ok \u2705\uFE0F tea \u2615\uFE0F", SafeText.forCells("ok \u2705 tea \u2615\uFE0F"));
        // One column in a terminal, two to Lanterna: the compatibility form, else a mark.
        assertEquals("AB", SafeText.forCells("\uD835\uDD38\uD835\uDD39"));
        assertEquals(",", SafeText.forCells("\uFE50"));
        assertEquals("\uFFFD", SafeText.forCells("\uDB80\uDC00")); // U+F0000, private use
        assertEquals("\uFFFDa\uFFFD", SafeText.forCells("\uD83Da\uDC4B")); // halves of pairs
    }

    @Test
    void widthsAreTheTerminalsAsTmuxDrawsThem() {
        // Each checked by hand in tmux 3.3a (cursor column after printing it).
        int[][] seen = {{0x2705, 2}, {0x1F44B, 2}, {0x1F1EB, 1}, {0x1D538, 1}, {0x2764, 1}, {0x231A, 2},
                {0x4DC0, 2}, {0x3248, 2}, {0x1160, 0}, {0x0898, 0}, {0xE000, 1}, {0x3042, 2}, {'a', 1}};
        for (int[] s : seen) {
            assertEquals(s[1], CellWidth.terminal(s[0]), String.format("U+%04X", s[0]));
        }
    }

    @Test
    void whatTheTerminalDrawsAsNothingOrJavaDoesNotKnowIsNotDrawnAsIs() {
        assertEquals("ab", SafeText.forCells("a\u1160\u0898b")); // no column in a terminal (Java: a letter, unassigned)
        assertEquals("a\uFFFDb", SafeText.forCells("a\u0378b")); // unassigned
        assertEquals("\u4DC0\uFE0F\u3248", SafeText.forCells("\u4DC0\u3248")); // two columns: widened for Lanterna, or already two to it
    }

    @Test
    void cleaningTwiceChangesNothing() {
        String once = SafeText.forCells("ok \u2705 \uD83D\uDC4B\uD83C\uDFFD \uD835\uDD38 \uD83C\uDDEB\uD83C\uDDF7 \u65E5");
        assertEquals(once, SafeText.forCells(once));
    }

    /**
     * Every code point, alone or after a letter: what is left takes as many columns to Lanterna
     * as to a terminal (wcwidth: two for East Asian Wide, none for U+FE0F), and holds no half pair.
     */
    @Test
    void everyCodePointComesOutMeasuredAlikeByLanternaAndTheTerminal() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String cleaned = SafeText.forCells("a" + new String(Character.toChars(cp)));
            int terminal = 0;
            for (int i = 0; i < cleaned.length(); ) {
                int c = cleaned.codePointAt(i);
                i += Character.charCount(c);
                if (Character.isSurrogate((char) c) && !Character.isSupplementaryCodePoint(c)) {
                    throw new AssertionError(String.format("U+%04X leaves half a pair: %s", cp, cleaned));
                }
                terminal += c == SafeText.WIDEN ? 0 : CellWidth.terminal(c);
            }
            if (terminal != Cells.width(cleaned)) {
                throw new AssertionError(String.format("U+%04X: the terminal takes %d columns, Lanterna %d (%s)",
                        cp, terminal, Cells.width(cleaned), cleaned));
            }
        }
    }

    @Test
    void cellsAreWhatLanternaMeasures() {
        String s = SafeText.forCells("a\u0301\u0302 \uD83D\uDC4D\uD83C\uDFFB \u202Eb\u4F60");
        assertEquals(s.length() + 1, TerminalTextUtils.getColumnWidth(s)); // one cell a char, two for the CJK one
    }

    @Test
    void controlsStayHarmlessInBoth() {
        assertEquals("a?[2J? b?c", SafeText.forCells("a\u001b[2J\u009b\tb\u2028c"));
        assertEquals("a?[2J? b?c", SafeText.forLine("a\u001b[2J\u009b\tb\u2028c"));
    }

    @Test
    void linesKeepEmojiAndRealScriptsButNoBidiControls() {
        assertEquals("abc", SafeText.forLine("a\u202Eb\u2066c\u200E"));
        assertEquals("\uD83D\uDC68\u200D\uD83D\uDC69\uFE0F", SafeText.forLine("\uD83D\uDC68\u200D\uD83D\uDC69\uFE0F"));
        assertEquals("\u0915\u094D\u0937", SafeText.forLine("\u0915\u094D\u0937")); // Devanagari conjunct
        assertEquals("\u00F6\u0301\u0302", SafeText.forLine("o\u0308\u0301\u0302\u0303")); // composed, then two marks
    }
}
