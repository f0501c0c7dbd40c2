package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.client.net.NetEvent;
import ocm.protocol.ucrp.v2.Packet;

/** Draws the chat screen: title, room list, messages, members, status line and input box. */
final class ChatPainter {
    /** Fewer columns than this left beside the status: no note, rather than a stub of one. */
    private static final int NOTE_MIN = 10;
    private static final String HELP = "F1 help";
    /** Columns the room part of the title keeps before who-and-where gives way instead. */
    private static final int MIN_TITLE = 12;

    private final ChatView view;
    private final ClientApp app;

    ChatPainter(ChatView view, ClientApp app) {
        this.view = view;
        this.app = app;
    }

    private int leftWidth(int columns) {
        return Math.min(20, Math.max(12, columns / 6));
    }

    private int rightWidth(int columns) {
        return Math.min(18, Math.max(12, columns / 7));
    }

    /** Draws the whole screen; returns the message pane's width and height (for scrolling by pages). */
    int[] draw(Canvas c) {
        Theme t = c.theme();
        int w = c.width();
        int h = c.height();
        int left = leftWidth(w);
        int right = rightWidth(w);
        int midCol = left + 1;
        int midWidth = w - left - right - 2;
        Optional<RoomModel> room = view.currentRoom();
        titleBar(c, room);
        roomList(c, 0, 1, left, h - 3);
        c.vline(left, 1, h - 3);
        if (room.isPresent()) {
            MessagePane.draw(c, room.get(), midCol, 1, midWidth, h - 3, t, look(room.get()));
        } else {
            c.text(midCol + 1, 2, "You are in no room.", midWidth - 1, t.system());
            c.text(midCol + 1, 3, "/join ROOM, /create ROOM, or F2 for the rooms on the server.", midWidth - 1, t.system());
        }
        c.vline(w - right - 1, 1, h - 3);
        memberList(c, w - right, 1, right, h - 3, room);
        statusBar(c, room);
        inputBox(c, room);
        return new int[]{midWidth, h - 3};
    }

    private void titleBar(Canvas c, Optional<RoomModel> room) {
        Theme t = c.theme();
        c.fill(0, 0, c.width(), t.barBackground());
        // An ended room has no host any more: "you are host" would read as a right we still have.
        String title = room.map(r -> "OCM · " + r.name() + (r.host() && !r.ended() ? " · you are host" : "")
                + (r.ended() ? " · read-only: " + r.endedWhy() : "")).orElse("OCM");
        // Who and where stays whole (a cut port reads as another port); the room part is cut first.
        String who = Canvas.clean(" · " + app.userName() + "@" + app.serverLabel());
        int roomPart = c.width() - 2 - Cells.width(who);
        if (roomPart < MIN_TITLE) {
            c.text(1, 0, title + who, c.width() - 2, t.barForeground(), t.barBackground(), SGR.BOLD);
            return;
        }
        int used = c.text(1, 0, title, roomPart, t.barForeground(), t.barBackground(), SGR.BOLD);
        c.text(1 + used, 0, who, c.width() - 2 - used, t.barForeground(), t.barBackground(), SGR.BOLD);
    }

    /** A list's header: in the selection's colours while the list has the keyboard (F3). */
    private static void header(Canvas c, int col, int row, int width, String text, boolean focused, TextColor fg) {
        Theme t = c.theme();
        if (focused) {
            c.fill(col, row, width, t.selectedBackground());
            c.text(col + 1, row, text, width - 1, t.selectedForeground(), t.selectedBackground(), SGR.BOLD);
        } else {
            c.text(col + 1, row, text, width - 1, fg, t.background(), SGR.BOLD);
        }
    }

    private void roomList(Canvas c, int col, int row, int width, int height) {
        Theme t = c.theme();
        List<RoomModel> rooms = view.rooms();
        header(c, col, row, width, "Rooms", view.lists().focused() == SideLists.Focus.ROOMS, t.accent());
        SideLists.Window win = view.lists().rooms(rooms.size(), height - 1, view.currentIndex());
        for (int n = 0; n < win.count(); n++) {
            int i = win.first() + n;
            RoomModel r = rooms.get(i);
            boolean sel = i == view.currentIndex();
            String mark = r.mentioned() ? "!" : r.ended() ? "x" : " ";
            String count = r.unread() > 0 ? " " + r.unread() : "";
            String label = (i < 9 ? (i + 1) + "" : " ") + mark;
            int nameCols = Math.max(1, width - 3 - count.length());
            String line = label + LobbyView.pad(Cells.ellipsize(Canvas.clean(r.name()), nameCols), nameCols) + count;
            TextColor fg = sel ? t.selectedForeground() : r.mentioned() ? t.mention()
                    : r.unread() > 0 ? t.accent() : r.ended() ? t.dim() : t.foreground();
            TextColor bg = sel ? t.selectedBackground() : t.background();
            c.fill(col, row + 1 + n, width, bg);
            c.text(col, row + 1 + n, line, width, fg, bg, r.unread() > 0 || sel ? new SGR[]{SGR.BOLD} : new SGR[0]);
        }
        more(c, col + 2, row + 1 + win.count(), width - 2, win);
    }

    /** The "+N more" row under a list that does not fit (F3 then Up/Down scroll it). */
    private static void more(Canvas c, int col, int row, int width, SideLists.Window win) {
        if (win.more() > 0) {
            c.text(col, row, "+" + win.more() + " more", width, c.theme().dim());
        }
    }

    private void memberList(Canvas c, int col, int row, int width, int height, Optional<RoomModel> room) {
        Theme t = c.theme();
        List<Packet.Member> members = room.map(RoomModel::members).orElse(List.of());
        // An ended room keeps its last member list for reference, dimmed: they are no longer with us.
        boolean ended = room.map(RoomModel::ended).orElse(false);
        String header = ended ? "Were here" : "Members " + members.size(); // fits the narrowest column (11)
        header(c, col, row, width, header, view.lists().focused() == SideLists.Focus.MEMBERS, ended ? t.dim() : t.accent());
        List<Packet.Member> sorted = new ArrayList<>(members);
        sorted.sort((a, b) -> a.host() != b.host() ? (a.host() ? -1 : 1) : a.name().compareToIgnoreCase(b.name()));
        SideLists.Window win = view.lists().members(sorted.size(), height - 1);
        for (int n = 0; n < win.count(); n++) {
            Packet.Member m = sorted.get(win.first() + n);
            String mark = m.v1() ? " ~" : "";
            String name = Cells.ellipsize(Canvas.clean(m.name()), Math.max(1, width - 2 - mark.length()));
            String line = (m.host() ? "@" : " ") + name + mark;
            c.text(col + 1, row + 1 + n, line, width - 1, ended ? t.dim() : t.colourOf(m.name()));
        }
        more(c, col + 2, row + 1 + win.count(), width - 2, win);
    }

    /** How the current day, time zone and search shape the message pane. */
    MessagePane.Look look(RoomModel room) {
        java.time.Clock clock = app.options().clock();
        ScrollbackSearch s = view.search();
        boolean searching = s.active() && view.currentRoom().orElse(null) == room;
        return new MessagePane.Look(clock.getZone(), java.time.LocalDate.now(clock),
                searching ? s.query() : "", searching ? s.selected() : -1);
    }

    private void statusBar(Canvas c, Optional<RoomModel> room) {
        Theme t = c.theme();
        int row = c.height() - 2;
        c.fill(0, row, c.width(), t.barBackground());
        String status = room.map(this::status).orElse("[no room]");
        // Cleaned before it is measured: the flash may hold a room name with marks or emoji.
        String note = Canvas.clean(app.flashText());
        // A note gets what the status leaves, cut at its end, or is left out when too little is
        // left to read. Without a note "F1 help" always shows: a long room name is cut for it.
        if (note.isEmpty()) {
            status = Cells.ellipsize(Canvas.clean(status), c.width() - HELP.length() - 4);
        }
        int left = c.width() - Cells.width(Canvas.clean(status)) - 3;
        String right = note.isEmpty() ? (left >= HELP.length() ? HELP : "")
                : left >= NOTE_MIN ? Cells.fit(note, left) : "";
        int rw = Cells.width(right);
        c.text(1, row, status, c.width() - rw - 3, t.barForeground(), t.barBackground());
        if (rw > 0) {
            c.text(Math.max(1, c.width() - rw - 1), row, right, rw, t.barForeground(), t.barBackground());
        }
    }

    /** The link's state and the room; round-trip time and unacknowledged count only with {@code /set stats on} (else {@code /stats}). */
    private String status(RoomModel r) {
        NetEvent.Status s = r.status();
        boolean stats = view.preferences().stats();
        if (r.ended() || s.state() == NetEvent.LinkState.ENDED) {
            // No link any more: a round-trip time would be a stale figure about nothing.
            // Nor lines "sending": whatever was waiting was reported not delivered.
            return "[" + NetEvent.LinkState.ENDED.label() + "]" + (stats ? " · unacked " + s.unacked() : "") + " · " + r.name();
        }
        String rtt = s.rttMillis() < 0 ? "-" : s.rttMillis() + " ms";
        String waiting = s.unacked() > 0 ? "sending " + s.unacked() + " more… · " : "";
        return "[" + s.state().label() + "]" + (stats ? " rtt " + rtt + " · unacked " + s.unacked() : "") + " · " + waiting + r.name();
    }

    /** The input's prompt in at most {@code columns}: a long room name is cut, never the " > " after it. */
    private static String prompt(Optional<RoomModel> room, int columns) {
        // Cleaned before it is measured: room names may hold marks or emoji.
        String name = Canvas.clean(room.map(r -> r.ended() ? "(read-only)" : r.name()).orElse(""));
        String sep = name.isEmpty() ? "> " : " > ";
        return Cells.fit(name, Math.max(1, columns - sep.length())) + sep;
    }

    private void inputBox(Canvas c, Optional<RoomModel> room) {
        Theme t = c.theme();
        int row = c.height() - 1;
        String question = view.pasteQuestion();
        if (!question.isEmpty()) {
            c.text(0, row, question, c.width(), t.accent(), t.background(), SGR.BOLD);
            return;
        }
        if (view.search().active() && room.isPresent()) {
            searchBox(c, room.get(), row);
            return;
        }
        String prompt = prompt(room, Math.max(4, c.width() / 3));
        int px = c.text(0, row, prompt, c.width(), t.accent(), t.background(), SGR.BOLD);
        InputWindow win = InputWindow.of(view.input().text(), view.input().cursor(), c.width() - px - 1);
        c.text(px, row, win.visible(), c.width() - px, t.foreground());
    }

    private static final String SEARCH = "search: ";

    /** While searching, the input row is the query and where its match is, with the keys. */
    private void searchBox(Canvas c, RoomModel room, int row) {
        Theme t = c.theme();
        ScrollbackSearch s = view.search();
        int px = c.text(0, row, SEARCH, c.width(), t.accent(), t.background(), SGR.BOLD);
        int qx = c.text(px, row, s.query(), c.width() - px - 1, t.foreground());
        String hint = "  (" + (s.query().isEmpty() ? "type to search" : s.position(room)) + " · Up older · Down newer · Esc ends)";
        c.text(px + qx + 1, row, hint, c.width() - px - qx - 1, t.dim());
    }

    TerminalPosition cursor(TerminalSize size) {
        String question = view.pasteQuestion();
        if (!question.isEmpty()) {
            return new TerminalPosition(Math.min(size.getColumns() - 1, Cells.width(question)), size.getRows() - 1);
        }
        if (view.search().active() && view.currentRoom().isPresent()) {
            int x = Math.min(size.getColumns() - 1, SEARCH.length() + Cells.width(Canvas.clean(view.search().query())));
            return new TerminalPosition(x, size.getRows() - 1);
        }
        String prompt = prompt(view.currentRoom(), Math.max(4, size.getColumns() / 3));
        int px = Cells.width(prompt);
        InputWindow win = InputWindow.of(view.input().text(), view.input().cursor(), size.getColumns() - px - 1);
        return new TerminalPosition(px + win.cursorColumn(), size.getRows() - 1);
    }
}
