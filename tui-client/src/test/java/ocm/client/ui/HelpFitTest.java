package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import ocm.client.command.SlashCommands;
import org.junit.jupiter.api.Test;

/** Every line of the help is there whole, read by scrolling, at the minimum size and at 80x24. */
class HelpFitTest extends ScreenTest {
    private static final String FOOTER = "any other key closes";

    @Test
    void noHelpLineIsCutAtTheMinimumSize() throws Exception {
        assertEveryHelpLineWhole(new TerminalSize(ChatView.MIN_COLUMNS, ChatView.MIN_ROWS));
    }

    @Test
    void noHelpLineIsCutAt80x24() throws Exception {
        assertEveryHelpLineWhole(new TerminalSize(80, 24));
    }

    @Test
    void wrappedLinesContinueUnderTheDescription() {
        // 52 columns: the text width of the help box at 60.
        assertEquals(List.of("  /create ROOM [PASSWORD]  create a room and be its", " ".repeat(27) + "host (host)"),
                HelpView.wrap("  /create ROOM [PASSWORD]  create a room and be its host (host)", 52));
        // Too narrow to keep 20 columns for the description: continuations are indented a little.
        assertEquals(List.of("  /create ROOM [PASSWORD]  create a room", "      and be its host (host)"),
                HelpView.wrap("  /create ROOM [PASSWORD]  create a room and be its host (host)", 40));
        assertEquals(List.of("  Tab  complete", "      things"), HelpView.wrap("  Tab  complete things", 15));
    }

    private void assertEveryHelpLineWhole(TerminalSize size) throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, size);
        ui.key(KeyType.F1);
        String s = ui.awaitScreen(t -> t.contains(FOOTER) && t.contains("Keys"), "the help");
        List<String> seen = new ArrayList<>(content(s));
        while (s.contains("Down: more")) {
            List<String> before = content(s);
            ui.key(KeyType.ArrowDown);
            s = ui.awaitScreen(t -> scrolledByOne(before, content(t)), "the help one line further");
            List<String> now = content(s);
            seen.add(now.get(now.size() - 1));
        }
        int inner = size.getColumns() - 4 - 4; // the box's width less its frame and margins
        for (String row : seen) {
            assertTrue(TerminalTextUtils.getColumnWidth(row.stripTrailing()) <= inner, row);
        }
        String shown = normal(String.join(" ", seen));
        for (String line : new HelpView(null, SlashCommands.table().help()).lines()) {
            assertTrue(shown.contains(normal(line)), "not shown whole at " + size + ": " + line + "\nshown: " + seen);
        }
    }

    /** The rows between the help's frame lines, above its footer, without the frame. */
    private static List<String> content(String screen) {
        List<String> out = new ArrayList<>();
        for (String row : screen.split("\n")) {
            int left = row.indexOf('│');
            int right = row.lastIndexOf('│');
            if (left >= 0 && right > left && !row.contains(FOOTER)) {
                out.add(row.substring(left + 2, right)); // the text starts one cell in from the frame
            }
        }
        return out;
    }

    private static boolean scrolledByOne(List<String> before, List<String> after) {
        return before.size() == after.size() && before.size() > 1
                && after.subList(0, after.size() - 1).equals(before.subList(1, before.size()));
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
