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
            MessagePane.draw(c, room.get(), midCol, 1, midWidth, h - 3, t);
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
        String title = room.map(r -> "OCM · " + r.name() + (r.host() ? " · you are host" : "")
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

    private void roomList(Canvas c, int col, int row, int width, int height) {
        Theme t = c.theme();
        c.text(col + 1, row, "Rooms", width - 1, t.accent(), t.background(), SGR.BOLD);
        for (int i = 0; i < view.rooms().size() && i + 1 < height; i++) {
            RoomModel r = view.rooms().get(i);
            boolean sel = i == view.currentIndex();
            String mark = r.mentioned() ? "!" : r.ended() ? "x" : " ";
            String count = r.unread() > 0 ? " " + r.unread() : "";
            String label = (i < 9 ? (i + 1) + "" : " ") + mark;
            int nameCols = Math.max(1, width - 3 - count.length());
            String line = label + LobbyView.pad(r.name(), nameCols) + count;
            TextColor fg = sel ? t.selectedForeground() : r.mentioned() ? t.mention()
                    : r.unread() > 0 ? t.accent() : r.ended() ? t.dim() : t.foreground();
            TextColor bg = sel ? t.selectedBackground() : t.background();
            c.fill(col, row + 1 + i, width, bg);
            c.text(col, row + 1 + i, line, width, fg, bg, r.unread() > 0 || sel ? new SGR[]{SGR.BOLD} : new SGR[0]);
        }
    }

    private void memberList(Canvas c, int col, int row, int width, int height, Optional<RoomModel> room) {
        Theme t = c.theme();
        List<Packet.Member> members = room.map(RoomModel::members).orElse(List.of());
        // An ended room keeps its last member list for reference, dimmed: they are no longer with us.
        boolean ended = room.map(RoomModel::ended).orElse(false);
        String header = ended ? "Were here" : "Members " + members.size(); // fits the narrowest column (11)
        c.text(col + 1, row, header, width - 1, ended ? t.dim() : t.accent(), t.background(), SGR.BOLD);
        List<Packet.Member> sorted = new ArrayList<>(members);
        sorted.sort((a, b) -> a.host() != b.host() ? (a.host() ? -1 : 1) : a.name().compareToIgnoreCase(b.name()));
        for (int i = 0; i < sorted.size() && i + 1 < height; i++) {
            Packet.Member m = sorted.get(i);
            String line = (m.host() ? "@" : " ") + m.name() + (m.v1() ? " ~" : "");
            c.text(col + 1, row + 1 + i, line, width - 1, ended ? t.dim() : t.colourOf(m.name()));
        }
    }

    private void statusBar(Canvas c, Optional<RoomModel> room) {
        Theme t = c.theme();
        int row = c.height() - 2;
        c.fill(0, row, c.width(), t.barBackground());
        String status = room.map(this::status).orElse("[no room]");
        // Cleaned before it is measured: the flash may hold a room name with marks or emoji.
        String note = Canvas.clean(app.flashText());
        // The status keeps its room name: a note gets what is left, cut at its end, or is left
        // out when too little is left to read; "F1 help" shows only whole.
        int left = c.width() - Cells.width(Canvas.clean(status)) - 3;
        String right = note.isEmpty() ? (left >= HELP.length() ? HELP : "")
                : left >= NOTE_MIN ? Cells.fit(note, left) : "";
        int rw = Cells.width(right);
        c.text(1, row, status, c.width() - rw - 3, t.barForeground(), t.barBackground());
        if (rw > 0) {
            c.text(Math.max(1, c.width() - rw - 1), row, right, rw, t.barForeground(), t.barBackground());
        }
    }

    private String status(RoomModel r) {
        NetEvent.Status s = r.status();
        if (r.ended() || s.state() == NetEvent.LinkState.ENDED) {
            // No link any more: a round-trip time would be a stale figure about nothing.
            // Nor lines "sending": whatever was waiting was reported not delivered.
            return "[" + NetEvent.LinkState.ENDED.label() + "] · " + r.name();
        }
        String rtt = s.rttMillis() < 0 ? "-" : s.rttMillis() + " ms";
        String waiting = s.unacked() > 0 ? "sending " + s.unacked() + " more… · " : "";
        return "[" + s.state().label() + "] rtt " + rtt + " · " + waiting + r.name();
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
        String prompt = prompt(room, Math.max(4, c.width() / 3));
        int px = c.text(0, row, prompt, c.width(), t.accent(), t.background(), SGR.BOLD);
        InputWindow win = InputWindow.of(view.input().text(), view.input().cursor(), c.width() - px - 1);
        c.text(px, row, win.visible(), c.width() - px, t.foreground());
    }

    TerminalPosition cursor(TerminalSize size) {
        String question = view.pasteQuestion();
        if (!question.isEmpty()) {
            return new TerminalPosition(Math.min(size.getColumns() - 1, Cells.width(question)), size.getRows() - 1);
        }
        String prompt = prompt(view.currentRoom(), Math.max(4, size.getColumns() / 3));
        int px = Cells.width(prompt);
        InputWindow win = InputWindow.of(view.input().text(), view.input().cursor(), size.getColumns() - px - 1);
        return new TerminalPosition(px + win.cursorColumn(), size.getRows() - 1);
    }
}
