package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputWindowTest {
    @Test
    void shortLineIsShownWholeWithTheCursorAtItsColumn() {
        InputWindow w = InputWindow.of("hello", 2, 20);
        assertEquals("hello", w.visible());
        assertEquals(2, w.cursorColumn());
    }

    @Test
    void longLineScrollsSoTheCursorStaysVisible() {
        String text = "x".repeat(50) + "END";
        InputWindow w = InputWindow.of(text, text.length(), 20);
        assertTrue(w.visible().endsWith("END"), w.visible());
        assertTrue(w.cursorColumn() < 20);
    }

    @Test
    void wideAndEmojiCharactersKeepTheCursorRight() {
        InputWindow w = InputWindow.of("日本😀x", 4, 20); // after the emoji (a surrogate pair)
        assertEquals(6, w.cursorColumn()); // 2 + 2 + 2
        assertEquals("日本😀x", w.visible());
    }

    @Test
    void scrollingNeverSplitsAnEmojiOrAWidenedSymbol() {
        String text = "\uD83D\uDE00\u2705".repeat(10); // 4 columns each round
        for (int columns = 3; columns <= 12; columns++) {
            InputWindow w = InputWindow.of(text, text.length(), columns);
            assertEquals(w.visible(), SafeText.forCells(w.visible()), "whole cells only, at " + columns + " columns");
            assertTrue(Cells.width(w.visible()) <= columns);
            assertTrue(w.cursorColumn() < columns);
        }
    }
}
