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
        assertEquals(5, w.cursorColumn()); // 2 + 2 + 1 (the emoji drawn as one replacement mark)
        assertEquals("日本\uFFFDx", w.visible());
    }
}
