package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import ocm.protocol.tcrp.RoomListing.RoomSummary;

/** The server's rooms: arrows move, Enter joins (asking a locked room's password), c creates, r refreshes. */
public final class LobbyView implements View {
    private static final String KEYS = "Up/Down move · Enter join · c create · r refresh · Esc/q back · F1 help";
    private static final String SHORT_KEYS = "Enter join · c create · r refresh · q back · F1 help";

    private final ClientApp app;
    private List<RoomSummary> rooms = List.of();
    private int selected;
    private String message = "loading rooms...";
    private boolean error;

    public LobbyView(ClientApp app) {
        this.app = app;
    }

    public void rooms(List<RoomSummary> list) {
        String keep = selectedRoom();
        rooms = RoomOrder.byName(list);
        selected = 0;
        for (int i = 0; i < rooms.size(); i++) {
            if (rooms.get(i).name().equals(keep)) {
                selected = i;
            }
        }
        if (!error) { // an error stays until the user acts
            message = rooms.isEmpty() ? "no rooms yet: press c to create one" : rooms.size() + " room(s)";
        }
    }

    public void message(boolean isError, String text) {
        error = isError;
        message = text;
    }

    private String selectedRoom() {
        return selected < rooms.size() ? rooms.get(selected).name() : "";
    }

    @Override
    public void handle(KeyStroke k) {
        KeyType type = k.getKeyType();
        error = false;
        if (type == KeyType.ArrowDown) {
            selected = Math.min(rooms.size() - 1, selected + 1);
        } else if (type == KeyType.ArrowUp) {
            selected = Math.max(0, selected - 1);
        } else if (type == KeyType.Enter && !rooms.isEmpty()) {
            RoomSummary r = rooms.get(selected);
            app.joinFromLobby(r.name(), r.locked());
        } else if (type == KeyType.Escape) {
            app.leaveLobby();
        } else if (type == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()) {
            switch (Character.toLowerCase(k.getCharacter())) {
                case 'c':
                    app.createDialog();
                    break;
                case 'r':
                    message(false, "refreshing...");
                    app.refreshRooms();
                    break;
                case 'q':
                    app.leaveLobby();
                    break;
                default:
                    break;
            }
        }
    }

    @Override
    public void draw(Canvas c) {
        Theme t = c.theme();
        c.fill(0, 0, c.width(), t.barBackground());
        c.text(1, 0, "OCM · rooms on " + app.serverLabel() + " · you are " + app.userName(), c.width() - 2,
                t.barForeground(), t.barBackground(), SGR.BOLD);
        int nameWidth = Math.max(10, Math.min(32, c.width() - 40));
        c.text(2, 2, pad("Room", nameWidth) + "  " + pad("Host", 16) + "  Members  Lock", c.width() - 4,
                t.accent(), t.background(), SGR.BOLD);
        int rows = c.height() - 6;
        int first = Math.max(0, selected - rows + 1);
        for (int i = first; i < rooms.size() && i - first < rows; i++) {
            RoomSummary r = rooms.get(i);
            boolean sel = i == selected;
            TextColor fg = sel ? t.selectedForeground() : t.foreground();
            TextColor bg = sel ? t.selectedBackground() : t.background();
            int row = 3 + i - first;
            c.fill(1, row, c.width() - 2, bg);
            String line = pad(r.name(), nameWidth) + "  " + pad(r.host(), 16) + "  "
                    + String.format("%7d", r.members()) + "  " + (r.locked() ? "locked" : "");
            c.text(1, row, sel ? ">" : " ", 1, fg, bg, SGR.BOLD); // the selection shows without colour too
            c.text(2, row, line, c.width() - 4, fg, bg);
        }
        c.text(2, c.height() - 2, message, c.width() - 4, error ? t.error() : t.system());
        c.fill(0, c.height() - 1, c.width(), t.barBackground());
        String keys = c.width() - 2 >= KEYS.length() ? KEYS : SHORT_KEYS; // the short one fits the minimum width
        c.text(1, c.height() - 1, keys, c.width() - 2, t.barForeground(), t.barBackground());
    }

    /** Pads or cuts to exactly {@code columns} screen columns. */
    static String pad(String s, int columns) {
        String fitted = Cells.fit(Canvas.clean(s), columns);
        int w = Cells.width(fitted);
        return fitted + " ".repeat(Math.max(0, columns - w));
    }
}
