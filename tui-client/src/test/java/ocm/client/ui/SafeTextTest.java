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
    void anEmojiSequenceIsOneMark() {
        assertEquals("\uFFFD", SafeText.forCells("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"));
        assertEquals("\uFFFD", SafeText.forCells("\uD83D\uDC69\uD83C\uDFFD\u200D\u2695\uFE0F")); // woman health worker
        assertEquals("\uFFFD\uFFFD", SafeText.forCells("\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDE9\uD83C\uDDEA")); // two flags
        assertEquals("\uFFFD", SafeText.forCells(
                "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F")); // Scotland
        assertEquals("\u2764", SafeText.forCells("\u2764\uFE0F\u200D\uD83D\uDD25")); // heart on fire
        assertEquals("1", SafeText.forCells("1\uFE0F\u20E3")); // keycap
        assertEquals("\uFFFD\uFFFD", SafeText.forCells("\uD83D\uDE00\uD83D\uDE00")); // two emoji, not a sequence
        assertEquals("\uFFFD a", SafeText.forCells("\uD83D\uDE00\u200D a")); // a joiner to plain text joins nothing
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
