package ocm.client.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * The chat screen's keys for moving about the panes rather than typing: the scrollback search
 * (Ctrl+R) and the side lists while one has the focus (F3). UI thread only.
 */
final class PaneKeys {
    private final ChatView view;
    private final ClientApp app;
    private final ChatPainter painter;

    PaneKeys(ChatView view, ClientApp app, ChatPainter painter) {
        this.view = view;
        this.app = app;
        this.painter = painter;
    }

    /**
     * Keys while searching: typing edits the query, Up (or Ctrl+R) goes to the older match, Down to
     * the newer, Enter ends the search where it is, Esc ends it and goes back to the bottom. Paging
     * keys still scroll. Returns false for a key the search leaves to the screen.
     */
    boolean searchKey(KeyStroke k) {
        RoomModel room = view.currentRoom().orElse(null);
        if (room == null) {
            view.search().end();
            return false;
        }
        KeyType type = k.getKeyType();
        boolean ctrlR = type == KeyType.Character && k.isCtrlDown() && Character.toLowerCase(k.getCharacter()) == 'r';
        if (type == KeyType.ArrowUp || ctrlR) {
            view.search().older(room);
        } else if (type == KeyType.ArrowDown) {
            view.search().newer(room);
        } else if (type == KeyType.Escape) {
            view.search().end();
            room.scrollToBottom();
            return true;
        } else if (type == KeyType.Enter) {
            view.search().end();
            return true;
        } else if (type == KeyType.Backspace) {
            String q = view.search().query();
            view.search().edit(q.isEmpty() ? q : q.substring(0, Graphemes.previous(q, q.length())), room);
        } else if (type == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()) {
            view.search().edit(view.search().query() + k.getCharacter(), room);
        } else {
            return false;
        }
        showMatch(room);
        return true;
    }

    /** Scrolls so the current match is in view, near the middle. */
    void showMatch(RoomModel room) {
        if (view.search().selected() < 0) {
            return;
        }
        List<MessagePane.Row> rows = MessagePane.layout(room, view.paneWidth(), app.theme(), painter.look(room));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).line() == view.search().selected()) {
                int target = MessagePane.scrollToShow(i, rows.size(), view.paneHeight());
                room.scrollToBottom();
                room.scrollBy(target, maxScroll(room));
                return;
            }
        }
    }

    /** Keys while a side list has the focus (F3): Up/Down and PageUp/PageDown scroll it, Esc gives the focus back. */
    boolean listKey(KeyStroke k) {
        int page = Math.max(1, view.paneHeight() - 2);
        switch (k.getKeyType()) {
            case ArrowUp:
                view.lists().scroll(-1);
                return true;
            case ArrowDown:
                view.lists().scroll(1);
                return true;
            case PageUp:
                view.lists().scroll(-page);
                return true;
            case PageDown:
                view.lists().scroll(page);
                return true;
            case Escape:
                view.lists().unfocus();
                app.expireFlash();
                return true;
            default:
                return false;
        }
    }

    /** How far up the messages scroll: the oldest row at the top, just below the "scrolled" line. */
    int maxScroll(RoomModel room) {
        int rowsWhenScrolled = view.paneHeight() - 1 - (room.newBelow() ? 1 : 0);
        return Math.max(0, MessagePane.rowCount(room, view.paneWidth(), app.theme(), painter.look(room)) - rowsWhenScrolled);
    }
}
