package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Optional;
import ocm.client.config.ClientSettings;
import ocm.client.net.ServerAddress;
import ocm.protocol.Names;

/** First screen: the banner and server, ports and name; Enter connects, errors stay editable. */
public final class ConnectView implements View {
    private static final int SERVER = 0;
    private static final int TCP = 1;
    private static final int UDP = 2;
    private static final int NAME = 3;

    private final ClientApp app;
    private final List<String> banner;
    private final Form form = new Form();
    private String message = "";
    private boolean error;
    private boolean busy;
    private String hint = "";

    public ConnectView(ClientApp app, List<String> banner, ClientSettings values) {
        this.app = app;
        this.banner = banner;
        form.add("Server", values.server(), false)
                .add("TCP port", values.tcpPort() == null ? "" : values.tcpPort().toString(), false)
                .add("UDP port", values.udpPort() == null ? "" : values.udpPort().toString(), false)
                .add("Name", values.name(), false);
        form.focus(values.name() == null || values.name().isEmpty() ? NAME : SERVER);
    }

    public void failed(String why) {
        busy = false;
        error = true;
        message = why;
        hint = "edit the values and press Enter to retry";
    }

    /** Shown again after the lobby (Esc): the values stay as they were, ready to connect again. */
    public void back(String why) {
        busy = false;
        show(false, why);
        hint = "Enter connects again";
    }

    @Override
    public void handle(KeyStroke key) {
        if (busy) {
            return;
        }
        if (key.getKeyType() == KeyType.Character && key.getCharacter() == 'q' && key.isCtrlDown()) {
            return;
        }
        Form.Result r = form.handle(key);
        if (r == Form.Result.CANCEL) {
            app.quit();
        } else if (r == Form.Result.SUBMIT) {
            submit();
        }
    }

    private void submit() {
        Optional<Integer> tcp = ServerAddress.parsePort(form.value(TCP));
        Optional<Integer> udp = ServerAddress.parsePort(form.value(UDP));
        String name = form.value(NAME);
        if (form.value(SERVER).isEmpty()) {
            show(true, "enter the server's address");
            form.focus(SERVER);
        } else if (tcp.isEmpty()) {
            show(true, "the TCP port must be a number from 1 to 65535");
            form.focus(TCP);
        } else if (udp.isEmpty()) {
            show(true, "the UDP port must be a number from 1 to 65535");
            form.focus(UDP);
        } else if (Names.userProblem(name).isPresent()) {
            show(true, Names.userProblem(name).get());
            form.focus(NAME);
        } else {
            ServerAddress a = new ServerAddress(form.value(SERVER), tcp.get(), udp.get());
            busy = true;
            show(false, "connecting to " + a + "...");
            app.connect(a, name);
        }
    }

    private void show(boolean isError, String text) {
        error = isError;
        hint = "";
        message = text;
    }

    @Override
    public void draw(Canvas c) {
        Theme t = c.theme();
        int row = 1;
        // The form needs 11 rows and the bottom bar one: the banner shows only when it fits above them.
        if (c.height() >= banner.size() + 12) {
            for (String line : banner) {
                c.text(2, row++, line, c.width() - 4, t.accent(), t.background(), SGR.BOLD);
            }
            row++;
        }
        c.text(2, row, "Connect to a server", c.width() - 4, t.foreground(), t.background(), SGR.BOLD);
        form.draw(c, 4, row + 2, Math.min(60, c.width() - 8));
        // A long error wraps (an address or a reason cut short misleads); the hint goes below it.
        int at = row + 7;
        for (String line : Cells.wrap(Canvas.clean(message), c.width() - 8)) {
            if (at >= c.height() - 2) {
                break;
            }
            c.text(4, at++, line, c.width() - 8, error ? t.error() : t.system());
        }
        c.text(4, Math.max(at, row + 8), hint, c.width() - 8, t.system());
        c.fill(0, c.height() - 1, c.width(), t.barBackground());
        c.text(1, c.height() - 1, "Enter connect · Tab/Up/Down field · Esc quit · F1 help", c.width() - 2,
                t.barForeground(), t.barBackground());
    }

    @Override
    public TerminalPosition cursor(TerminalSize size) {
        return busy ? null : form.cursor();
    }
}
