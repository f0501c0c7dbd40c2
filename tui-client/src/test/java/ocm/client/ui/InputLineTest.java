package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InputLineTest {
    private final InputLine in = new InputLine((before, word) -> List.of("bob", "bobby", "carol").stream()
            .filter(n -> n.startsWith(word)).collect(Collectors.toList()));

    private void type(String s) {
        s.chars().forEach(c -> in.handle(new KeyStroke((char) c, false, false)));
    }

    private void ctrl(char c) {
        in.handle(new KeyStroke(c, true, false));
    }

    @Test
    void leftRightBackspaceAndDeleteTakeWhatLooksLikeOneCharacterWhole() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String flag = "\uD83C\uDDEB\uD83C\uDDF7";
        String wave = "\uD83D\uDC4B\uD83C\uDFFD";
        String thai = "\u0E01\u0E48";
        in.set("a" + family + flag + wave + thai + "z");
        in.handle(new KeyStroke(KeyType.Backspace));
        in.handle(new KeyStroke(KeyType.Backspace));
        assertEquals("a" + family + flag + wave, in.text(), "z, then the Thai letter with its tone mark");
        in.handle(new KeyStroke(KeyType.Backspace));
        assertEquals("a" + family + flag, in.text(), "the hand and its skin tone together");
        in.handle(new KeyStroke(KeyType.ArrowLeft));
        assertEquals(1 + family.length(), in.cursor(), "over the whole flag");
        in.handle(new KeyStroke(KeyType.ArrowLeft));
        assertEquals(1, in.cursor(), "over the whole family");
        in.handle(new KeyStroke(KeyType.Delete));
        assertEquals("a" + flag, in.text());
        in.handle(new KeyStroke(KeyType.ArrowRight));
        assertEquals(1 + flag.length(), in.cursor());
    }

    @Test
    void emacsKeysEditTheLine() {
        type("hello big world");
        ctrl('w');
        assertEquals("hello big ", in.text());
        ctrl('a');
        type(">");
        assertEquals(">hello big ", in.text());
        in.handle(new KeyStroke(KeyType.ArrowRight));
        ctrl('k');
        assertEquals(">h", in.text());
        ctrl('e');
        type("i");
        ctrl('u');
        assertEquals("", in.text());
    }

    @Test
    void historyRecallsOlderLinesAndKeepsTheDraft() {
        type("one");
        in.take();
        type("two");
        in.take();
        type("draft");
        in.handle(new KeyStroke(KeyType.ArrowUp));
        assertEquals("two", in.text());
        in.handle(new KeyStroke(KeyType.ArrowUp));
        assertEquals("one", in.text());
        in.handle(new KeyStroke(KeyType.ArrowDown));
        in.handle(new KeyStroke(KeyType.ArrowDown));
        assertEquals("draft", in.text());
    }

    @Test
    void tabCompletesAndCyclesAtLineStartWithAColon() {
        type("bo");
        in.handle(new KeyStroke(KeyType.Tab));
        assertEquals("bob: ", in.text());
        in.handle(new KeyStroke(KeyType.Tab));
        assertEquals("bobby: ", in.text());
        type("hi");
        assertEquals("bobby: hi", in.text());
    }

    @Test
    void tabInTheMiddleOfALineAddsASpace() {
        type("hey ca");
        in.handle(new KeyStroke(KeyType.Tab));
        assertEquals("hey carol ", in.text());
    }

    @Test
    void backspaceRemovesWholeSurrogatePairs() {
        in.insert("a😀");
        in.handle(new KeyStroke(KeyType.Backspace));
        assertEquals("a", in.text());
    }
}
