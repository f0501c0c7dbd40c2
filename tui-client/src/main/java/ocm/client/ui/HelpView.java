package ocm.client.ui;

import com.googlecode.lanterna.SGR;
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

    public HelpView(ClientUi ui, List<String> commandHelp) {
        this.ui = ui;
        lines.add("Keys");
        KEYS.forEach(k -> lines.add("  " + k));
        lines.add("");
        lines.add("Commands");
        commandHelp.forEach(h -> lines.add("  " + h));
        lines.add("");
        lines.add("Press any key to close");
    }

    @Override
    public void handle(KeyStroke key) {
        ui.closeDialog(this);
    }

    @Override
    public void draw(Canvas c) {
        Theme t = c.theme();
        int w = Math.min(c.width() - 2, 76);
        int h = Math.min(c.height() - 2, lines.size() + 2);
        int x = (c.width() - w) / 2;
        int y = Math.max(0, (c.height() - h) / 2);
        for (int r = 0; r < h; r++) {
            c.fill(x, y + r, w, t.background());
        }
        c.fill(x, y, w, t.barBackground());
        c.text(x + 1, y, "Help", w - 2, t.barForeground(), t.barBackground(), SGR.BOLD);
        for (int i = 0; i < lines.size() && i + 1 < h; i++) {
            String l = lines.get(i);
            boolean heading = !l.startsWith(" ") && !l.isEmpty();
            c.text(x + 1, y + 1 + i, l, w - 2, heading ? t.accent() : t.foreground());
        }
    }
}
