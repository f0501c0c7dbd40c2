package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import ocm.client.testing.FakeChatService;
import org.junit.jupiter.api.Test;

/**
 * Finding 2 of issue 13: a multi-line paste is confirmed once ("send 3 lines to lobby? Enter /
 * Esc"), then sent whole, in order, every line as chat even when it starts with "/".
 */
class PasteTest extends ScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    /** Keys as a terminal with bracketed paste delivers a paste of {@code lines}. */
    private static List<KeyStroke> bracketed(String... lines) {
        List<KeyStroke> keys = new ArrayList<>();
        keys.add(new KeyStroke(BracketedPaste.START, false, false));
        for (int i = 0; i < lines.length; i++) {
            lines[i].chars().forEach(c -> keys.add(new KeyStroke((char) c, false, false)));
            if (i < lines.length - 1) {
                keys.add(new KeyStroke(KeyType.Enter));
            }
        }
        keys.add(new KeyStroke(BracketedPaste.END, false, false));
        return keys;
    }

    /** Feeds the keys from the UI thread, so they all wait in the terminal before the UI reads one: one batch. */
    private void atOnce(List<KeyStroke> keys) {
        ui.ui.post(() -> keys.forEach(ui.terminal::addInput));
    }

    private List<String> sentTexts() {
        return fake.sent.stream().map(FakeChatService.Sent::text).collect(Collectors.toList());
    }

    @Test
    void aBracketedPasteIsConfirmedOnceThenSentWholeCommandsAsText() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        atOnce(bracketed("first pasted line", "/quit is only text here", "third"));
        ui.await("send 3 lines to lobby? Enter / Esc");
        assertTrue(fake.sent.isEmpty(), "nothing goes before the Enter");
        ui.key(KeyType.Enter);
        ui.await("third");
        assertEquals(List.of("first pasted line", "/quit is only text here", "third"), sentTexts());
        assertTrue(ui.ui.isRunning(), "the pasted /quit did not quit");
        ui.await("lobby >"); // the input line is back
    }

    @Test
    void escapeDropsThePaste() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        atOnce(bracketed("one", "two"));
        ui.await("send 2 lines to lobby? Enter / Esc");
        ui.key(KeyType.Escape);
        ui.await("paste of 2 lines not sent");
        ui.line("typed after");
        ui.await("typed after");
        assertEquals(List.of("typed after"), sentTexts());
    }

    @Test
    void aOneLinePasteGoesIntoTheInputLineToBeEdited() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        atOnce(bracketed("/join pasted"));
        ui.await("lobby > /join pasted");
        assertTrue(fake.sent.isEmpty() && fake.entered.size() == 1, "not run, not sent: " + fake.entered);
    }

    @Test
    void withoutBracketsSeveralLinesArrivingAtOnceAreAPasteToo() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        List<KeyStroke> keys = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            ("paste " + i).chars().forEach(c -> keys.add(new KeyStroke((char) c, false, false)));
            keys.add(new KeyStroke(KeyType.Enter));
        }
        atOnce(keys);
        ui.await("send 60 lines to lobby? Enter / Esc");
        ui.key(KeyType.Enter);
        ui.await("paste 60");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            expected.add("paste " + i);
        }
        assertEquals(expected, sentTexts());
    }

    @Test
    void aTypedLineIsStillSentAtOnce() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.line("just typed");
        ui.await("just typed");
        assertEquals(List.of("just typed"), sentTexts());
    }

    /**
     * What a real terminal sends (the pasted newline arrives as LF: the tty's icrnl, which
     * Lanterna leaves on, turns the terminal's CR into it): Lanterna's decoder with the brackets
     * added reads them as the two marker keys; without them it would type "[200~" into the line.
     */
    @Test
    void theDecoderReadsTheBracketsOfAPaste() throws Exception {
        InputDecoder d = new InputDecoder(new StringReader("\033[200~a\nb\033[201~x"));
        d.addProfile(new DefaultKeyDecodingProfile());
        d.addProfile(BracketedPaste.profile());
        List<KeyStroke> keys = new ArrayList<>();
        for (KeyStroke k = d.getNextCharacter(true); k != null && k.getKeyType() != KeyType.EOF; k = d.getNextCharacter(true)) {
            keys.add(k);
        }
        assertEquals(5 + 1, keys.size(), keys.toString());
        assertTrue(BracketedPaste.isStart(keys.get(0)), keys.toString());
        assertEquals('a', keys.get(1).getCharacter());
        assertEquals(KeyType.Enter, keys.get(2).getKeyType());
        assertEquals('b', keys.get(3).getCharacter());
        assertTrue(BracketedPaste.isEnd(keys.get(4)), keys.toString());
        assertEquals('x', keys.get(5).getCharacter());
    }
}
