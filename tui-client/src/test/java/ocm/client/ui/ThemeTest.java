package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ThemeTest {
    @Test
    void bothPackagedThemesLoadAndDiffer() throws Exception {
        Theme dark = Theme.load("dark");
        Theme light = Theme.load("light");
        assertEquals("dark", dark.name());
        assertEquals(TextColor.ANSI.BLACK, dark.background());
        assertNotEquals(dark.background(), light.background());
    }

    @Test
    void nameColoursAreStable() throws Exception {
        Theme t = Theme.load("dark");
        assertEquals(t.colourOf("alice"), t.colourOf("alice"));
        assertTrue(t.nameColors().contains(t.colourOf("bob")));
    }

    @Test
    void unknownThemeAndBadColourAreClearErrors() {
        Theme.ThemeException e = assertThrows(Theme.ThemeException.class, () -> Theme.load("neon"));
        assertTrue(e.getMessage().contains("no theme named 'neon'"));
        String bad = "{\"name\":\"x\",\"background\":\"notacolour\",\"nameColors\":[\"red\"]}";
        assertThrows(Theme.ThemeException.class, () -> Theme.parse(new StringReader(bad)));
    }
}
