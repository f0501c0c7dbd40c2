package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentSplitterTest {
    private static List<String> split(String text, int limit) throws Exception {
        return ArgumentSplitter.split(text, limit);
    }

    @Test
    void wordsAreSeparatedByAnyWhitespace() throws Exception {
        assertEquals(List.of("a", "b", "c"), split("  a \t b  c ", 0));
        assertEquals(List.of(), split("   ", 0));
    }

    @Test
    void doubleAndSingleQuotesKeepSpaces() throws Exception {
        assertEquals(List.of("my room", "bob"), split("\"my room\" bob", 0));
        assertEquals(List.of("my room", "bob"), split("'my room' bob", 0));
    }

    @Test
    void backslashEscapesAsJLineCompletionInsertsThem() throws Exception {
        assertEquals(List.of("my room", "bob"), split("my\\ room bob", 0));
    }

    @Test
    void insideDoubleQuotesBackslashEscapesQuoteAndBackslash() throws Exception {
        assertEquals(List.of("say \"hi\" \\o/"), split("\"say \\\"hi\\\" \\\\o/\"", 0));
    }

    @Test
    void insideSingleQuotesNothingIsSpecial() throws Exception {
        assertEquals(List.of("a\\b"), split("'a\\b'", 0));
    }

    @Test
    void aQuoteInsideAWordIsALetter() throws Exception {
        assertEquals(List.of("o'neil", "it\"s"), split("o'neil it\"s", 0));
    }

    @Test
    void emptyQuotesAreAnEmptyWord() throws Exception {
        assertEquals(List.of("", "x"), split("\"\" x", 0));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        ArgumentSplitter.ArgumentException e =
            assertThrows(ArgumentSplitter.ArgumentException.class, () -> split("\"my room bob", 0));
        assertEquals("unclosed \" in: \"my room bob", e.getMessage());
    }

    @Test
    void withALimitTheLastWordIsTheRestAsTyped() throws Exception {
        assertEquals(List.of("lobby", "bob", "said  \"no\" twice, it's 'rude"),
            split("lobby bob said  \"no\" twice, it's 'rude  ", 3));
    }

    @Test
    void aRestThatIsOneQuotedWordIsUnquoted() throws Exception {
        assertEquals(List.of("lobby", "hello all"), split("lobby \"hello all\"", 2));
        assertEquals(List.of("lobby", "\"hello\" all"), split("lobby \"hello\" all", 2));
    }

    @Test
    void anUnclosedQuoteInTheRestIsText() throws Exception {
        assertEquals(List.of("lobby", "\"oops"), split("lobby \"oops", 2));
    }

    @Test
    void fewerWordsThanTheLimit() throws Exception {
        assertEquals(List.of("lobby"), split("lobby", 3));
    }
}
