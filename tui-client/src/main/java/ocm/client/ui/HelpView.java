package ocm.client.ui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/** The F1 / help box: keys, then the slash commands from the command table. Any key closes it. */
public final class HelpView implements View {
    static final List<String> KEYS = List.of(
            "Enter            send the line (or run /command)",
            "Up / Down        earlier lines you typed",
            "Tab              complete a member name or /command",
            "Ctrl+A / Ctrl+E  start / end of line (also Home / End)",
            "Ctrl+W Ctrl+U    delete word / to start of line; Ctrl+K to end",
            "Alt+1..9         go to room 1..9; Ctrl+N / Ctrl+P next / previous",
            "Alt+A            next room with activity (mentions first)",
            "PgUp / PgDn      scroll; Home / End on an empty line: top / bottom",
            "F2               rooms on the server (lobby)",
            "F1               this help; Ctrl+Q or Ctrl+C or /quit: leave all, exit");

    private final ClientUi ui;
    private final List<String> lines = new ArrayList<>();
    private int offset;
    private int visibleRows = 10;

    public HelpView(ClientUi ui, List<String> commandHelp) {
        this.ui = ui;
        lines.add("Keys");
        KEYS.forEach(k -> lines.add("  " + k));
        lines.add("");
        lines.add("Commands");
        commandHelp.forEach(h -> lines.add("  " + h));
    }

    /** Arrows and page keys scroll when the help is taller than the screen; any other key closes it. */
    @Override
    public void handle(KeyStroke key) {
        int max = Math.max(0, lines.size() - visibleRows);
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
        int h = Math.min(c.height() - 2, lines.size() + 3);
        int x = (c.width() - w) / 2;
        int y = Math.max(1, (c.height() - h) / 2);
        visibleRows = h - 3; // title bar, footer line, bottom frame
        c.box(x, y, w, h, "Help");
        for (int i = 0; i < visibleRows && offset + i < lines.size(); i++) {
            String l = lines.get(offset + i);
            boolean heading = !l.startsWith(" ") && !l.isEmpty();
            c.text(x + 2, y + 1 + i, l, w - 4, heading ? t.accent() : t.foreground());
        }
        boolean more = offset + visibleRows < lines.size();
        c.text(x + 2, y + h - 2, (more ? "Down: more · " : "") + (offset > 0 ? "Up: back · " : "")
                + "any other key closes", w - 4, t.dim());
    }
}
