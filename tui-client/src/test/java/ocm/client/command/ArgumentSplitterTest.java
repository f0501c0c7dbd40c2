package ocm.client.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import ocm.client.command.CommandTable.CommandException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ArgumentSplitterTest {
    private static ArgumentSplitter.Split split(String text, int max) throws CommandException {
        return ArgumentSplitter.split(text, max);
    }

    @Test
    void aQuotedNameWithSpacesIsOneWord() throws Exception {
        ArgumentSplitter.Split s = split("  \"General 日本\"   s3cret ", 2);
        assertEquals(List.of("General 日本", "s3cret"), s.words());
        assertEquals("", s.rest());
    }

    @Test
    void insideQuotesABackslashEscapesAQuoteOrABackslashOnly() throws Exception {
        assertEquals(List.of("say \"hi\"", "a\\b", "c\\d"), split("\"say \\\"hi\\\"\" \"a\\\\b\" \"c\\d\"", 3).words());
    }

    @Test
    void outsideQuotesEveryCharacterIsItself() throws Exception {
        // Passwords with backslashes or quotes after the first character are typed as they are.
        assertEquals(List.of("o\"neil", "a\\b", "it's"), split("o\"neil a\\b it's", 3).words());
    }

    @Test
    void textAfterTheWordsIsKeptAsTyped() throws Exception {
        ArgumentSplitter.Split s = split("\"bob smith\"   too  \"loud", 1);
        assertEquals(List.of("bob smith"), s.words());
        assertEquals("too  \"loud", s.rest());
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        CommandException e = assertThrows(CommandException.class, () -> split("\"General 日本", 2));
        assertTrue(e.getMessage().startsWith("unclosed quote in \"General 日本"), e.getMessage());
        assertThrows(CommandException.class, () -> split("\"ends with an escaped quote\\\"", 2));
    }

    @Test
    void openQuoteFindsAQuotedWordStillBeingTyped() {
        assertEquals(6, ArgumentSplitter.openQuote("/join \"General 日"));
        assertEquals(-1, ArgumentSplitter.openQuote("/join \"General 日本\" "));
        assertEquals(-1, ArgumentSplitter.openQuote("/join o\"neil x"));
        assertEquals(6, ArgumentSplitter.openQuote("/join \"a \\\" b"));
    }

    @Test
    void quoteAddsQuotesOnlyWhenNeeded() {
        assertEquals("lobby", ArgumentSplitter.quote("lobby"));
        assertEquals("\"General 日本\"", ArgumentSplitter.quote("General 日本"));
        assertEquals("\"\\\"x\"", ArgumentSplitter.quote("\"x"));
    }

    @Property
    void aQuotedNameSplitsBackToItself(@ForAll @Size(min = 1, max = 3) List<@StringLength(min = 1, max = 12) String> names)
            throws Exception {
        StringBuilder line = new StringBuilder();
        names.forEach(n -> line.append(ArgumentSplitter.quote(n)).append(' '));
        assertEquals(names, split(line.toString(), names.size()).words());
    }
}
