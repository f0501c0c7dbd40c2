package ocm.client.ui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The F1 / help box: keys, then the slash commands from the command table. Lines wider than the
 * box wrap under their description, so nothing is cut at the client's minimum width. Any key closes it.
 */
public final class HelpView implements View {
    static final List<String> KEYS = List.of(
            "Enter            send the line (or run /command)",
            "Up / Down        earlier lines you typed",
            "Tab              complete a name (after /join a room) or /command",
            "Ctrl+A / Ctrl+E  start / end of line (also Home / End)",
            "Ctrl+W Ctrl+U    delete word / to start of line; Ctrl+K to end",
            "Alt+1..9         go to room 1..9; Ctrl+N / Ctrl+P next / previous",
            "Alt+A            next room with activity (mentions first)",
            "PgUp / PgDn      scroll; Home / End on an empty line: top / bottom",
            "Ctrl+R           search the messages (Up older, Down newer, Esc ends)",
            "F3               room list, member list, input: Up/Down scroll a list",
            "F2               rooms on the server (lobby)",
            "F1               this help; Ctrl+Q or Ctrl+C or /quit: leave all, exit");
    static final String QUOTING = "A name with spaces goes in double quotes: /join \"my room\"";
    /** A wrapped line's continuation goes under its description while that leaves this many columns. */
    private static final int MIN_DESCRIPTION_COLUMNS = 20;
    /** The term, then two or more spaces: the description starts after them. */
    private static final Pattern TERM = Pattern.compile("^\\s*\\S.*?\\s{2,}(?=\\S)");

    private final ClientUi ui;
    private final List<String> lines = new ArrayList<>();
    /** {@link #lines} wrapped to the width last drawn at; scrolling counts these. */
    private List<String> rows;
    private int offset;
    private int visibleRows = 10;

    public HelpView(ClientUi ui, List<String> commandHelp) {
        this.ui = ui;
        lines.add("Keys");
        KEYS.forEach(k -> lines.add("  " + k));
        lines.add("");
        lines.add("Commands");
        commandHelp.forEach(h -> lines.add("  " + h));
        lines.add("  " + QUOTING);
        rows = lines;
    }

    /** The help as written, one entry a line, before wrapping. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Arrows and page keys scroll when the help is taller than the screen; any other key closes it. */
    @Override
    public void handle(KeyStroke key) {
        int max = Math.max(0, rows.size() - visibleRows);
        switch (key.getKeyType()) {
            case ArrowDown:
                offset = Math.min(max, offset + 1);
                break;
            case ArrowUp:
                offset = Math.max(0, offset - 1);
                break;
            case PageDown:
                offset = Math.min(max, offset + visibleRows);
                break;
            case PageUp:
                offset = Math.max(0, offset - visibleRows);
                break;
            default:
                ui.closeDialog(this);
        }
    }

    @Override
    public void draw(Canvas c) {
        Theme t = c.theme();
        int w = Math.min(c.width() - 4, 76);
        rows = wrapAll(w - 4);
        int h = Math.min(c.height() - 2, rows.size() + 3);
        int x = (c.width() - w) / 2;
        int y = Math.max(1, (c.height() - h) / 2);
        visibleRows = h - 3; // title bar, footer line, bottom frame
        offset = Math.min(offset, Math.max(0, rows.size() - visibleRows)); // after a resize
        c.box(x, y, w, h, "Help");
        for (int i = 0; i < visibleRows && offset + i < rows.size(); i++) {
            String l = rows.get(offset + i);
            boolean heading = !l.startsWith(" ") && !l.isEmpty();
            c.text(x + 2, y + 1 + i, l, w - 4, heading ? t.accent() : t.foreground());
        }
        boolean more = offset + visibleRows < rows.size();
        c.text(x + 2, y + h - 2, (more ? "Down: more · " : "") + (offset > 0 ? "Up: back · " : "")
                + "any other key closes", w - 4, t.dim());
    }

    private List<String> wrapAll(int columns) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.addAll(wrap(l, columns)));
        return out;
    }

    /** Breaks {@code line} at spaces into rows of at most {@code columns}, continuations under the description. */
    static List<String> wrap(String line, int columns) {
        List<String> out = new ArrayList<>();
        String indent = " ".repeat(hang(line, columns));
        String rest = line;
        while (width(rest) > columns) {
            int cut = breakAt(rest, columns);
            out.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    private static int hang(String line, int columns) {
        Matcher m = TERM.matcher(line);
        if (m.find() && width(line.substring(0, m.end())) <= columns - MIN_DESCRIPTION_COLUMNS) {
            return width(line.substring(0, m.end()));
        }
        int lead = line.length() - line.stripLeading().length();
        return lead + 4;
    }

    /** The index to break at: the last space that keeps the row within {@code columns}, else a hard cut. */
    private static int breakAt(String s, int columns) {
        int fit = 0;
        while (fit < s.length() && width(s.substring(0, fit + 1)) <= columns) {
            fit++;
        }
        int lead = s.length() - s.stripLeading().length();
        int space = s.lastIndexOf(' ', fit);
        return space > lead ? space : Math.max(fit, lead + 1);
    }

    private static int width(String s) {
        return TerminalTextUtils.getColumnWidth(s);
    }
}
