package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fitting and wrapping cleaned text in whole cells: a pair is never split. */
class CellsTest {
    private static final String WAVE = "\uD83D\uDC4B"; // two chars, two columns
    private static final String CHECK = "\u2705" + SafeText.WIDEN; // widened: two chars, two columns

    @Test
    void fitStopsBeforeACellThatDoesNotFitWhole() {
        assertEquals("a", Cells.fit("a" + WAVE + "b", 2));
        assertEquals("a" + WAVE, Cells.fit("a" + WAVE + "b", 3));
        assertEquals("a", Cells.fit("a" + CHECK, 2));
        assertEquals("\u65E5", Cells.fit("\u65E5\u672C", 3)); // CJK: one char, two columns
        assertEquals("", Cells.fit(WAVE, 1));
        assertEquals("abc", Cells.fit("abc", 10));
    }

    @Test
    void wrapBreaksAtSpacesAndDropsThem() {
        assertEquals(List.of("one two", "three"), Cells.wrap("one two three", 8));
        assertEquals(List.of("one", "two"), Cells.wrap("one two", 3));
        assertEquals(List.of(), Cells.wrap("", 5));
    }

    @Test
    void aWordLongerThanALineIsCutBetweenCells() {
        String word = (WAVE + CHECK).repeat(5); // 20 columns
        List<String> lines = Cells.wrap(word, 7);
        assertEquals(String.join("", lines), word);
        for (String l : lines) {
            assertEquals(l, SafeText.forCells(l), "whole cells only: " + lines);
            assertTrue(Cells.width(l) <= 7, lines.toString());
        }
        assertEquals(List.of(WAVE, WAVE), Cells.wrap(WAVE + WAVE, 1), "a cell wider than the line stands alone");
    }

    @Test
    void widthCountsPairsAsTwoColumns() {
        assertEquals(6, Cells.width("a" + WAVE + CHECK + "b"));
        assertEquals(5, Cells.cellEnd("abc" + WAVE, 3));
        assertEquals(2, Cells.cellEnd(CHECK, 0));
        assertEquals(1, Cells.cellEnd("ab", 0));
    }
}
