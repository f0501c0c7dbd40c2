package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays a room's lines out as screen rows (time, coloured sender, wrapped text, system lines
 * apart, a day-change line where the date changes) and draws the window of rows the scroll
 * position selects, with the matches of a search marked.
 */
final class MessagePane {
    static final int TIME_COLUMNS = 6;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    static final String SCROLLED = "[scrolled up · End or PageDown to return]";

    /**
     * How to draw: the time zone and today's date (a day line goes before the first line when it is
     * from an earlier day), and the search query whose matches are marked (empty: none) with the
     * index of the line shown as the current match.
     */
    record Look(ZoneId zone, LocalDate today, String query, int selected) {
        static Look plain(ZoneId zone, LocalDate today) {
            return new Look(zone, today, "", -1);
        }
    }

    /** One screen row: the time (first row of a line only), sender part, the rest, and the line it shows (-1: a day line). */
    record Row(String time, String sender, String text, TextColor senderColour, TextColor colour, boolean bold, int line) {
    }

    private MessagePane() {
    }

    /** "-- Thursday 3 December 2026". */
    static String dayLine(LocalDate day) {
        return "-- " + DAY.format(day);
    }

    static List<Row> layout(RoomModel room, int width, Theme t, Look look) {
        List<Row> rows = new ArrayList<>();
        int textWidth = Math.max(8, width - TIME_COLUMNS);
        DateTimeFormatter time = TIME.withZone(look.zone());
        LocalDate shownDay = look.today();
        List<ChatLine> lines = room.lines();
        for (int n = 0; n < lines.size(); n++) {
            ChatLine l = lines.get(n);
            LocalDate day = Instant.ofEpochMilli(l.timeMillis()).atZone(look.zone()).toLocalDate();
            if (n == 0 ? !day.equals(look.today()) : !day.equals(shownDay)) {
                rows.add(new Row("", "", dayLine(day), t.system(), t.system(), false, -1));
            }
            shownDay = day;
            String stamp = time.format(Instant.ofEpochMilli(l.timeMillis()));
            String body = l.body() + suffix(l);
            TextColor colour = colour(l, t);
            List<String> wrapped = Cells.wrap(Canvas.clean(body), textWidth);
            if (wrapped.isEmpty()) {
                wrapped = List.of("");
            }
            for (int i = 0; i < wrapped.size(); i++) {
                String w = wrapped.get(i);
                String sender = "";
                String shownSender = Canvas.clean(l.sender()) + ":";
                if (i == 0 && l.kind() == ChatLine.Kind.CHAT && w.startsWith(shownSender)) {
                    sender = shownSender;
                    w = w.substring(sender.length());
                }
                rows.add(new Row(i == 0 ? stamp : "", sender, w, t.colourOf(l.sender()), colour,
                        l.mention() || l.kind() == ChatLine.Kind.ERROR, n));
            }
        }
        return rows;
    }

    private static String suffix(ChatLine l) {
        switch (l.delivery()) {
            case PENDING:
                return " (sending)";
            case FAILED:
                return " [not delivered: " + l.failure() + "]";
            default:
                return "";
        }
    }

    private static TextColor colour(ChatLine l, Theme t) {
        if (l.delivery() == ChatLine.Delivery.FAILED || l.kind() == ChatLine.Kind.ERROR) {
            return t.error();
        }
        if (l.delivery() == ChatLine.Delivery.PENDING) {
            return t.pending();
        }
        if (l.mention()) {
            return t.mention();
        }
        switch (l.kind()) {
            case SYSTEM:
            case ANNOUNCEMENT:
                return t.system();
            case ACTION:
                return t.colourOf(l.sender());
            default:
                return t.foreground();
        }
    }

    /** Rows of the box left for messages: when scrolled up, the top row says so and the bottom may hold the new-messages bar. */
    static int messageRows(RoomModel room, int height) {
        if (room.scroll() == 0) {
            return height;
        }
        return Math.max(1, height - 1 - (room.newBelow() ? 1 : 0));
    }

    /** The scroll position that puts row {@code index} of the layout near the middle of the box. */
    static int scrollToShow(int index, int rowCount, int height) {
        int visible = Math.max(1, height - 2);
        int end = Math.min(rowCount, index + visible / 2 + 1);
        return Math.max(0, rowCount - end);
    }

    /** Draws rows into the box (col, row, width, height), {@code scroll} rows up from the bottom. */
    static void draw(Canvas c, RoomModel room, int col, int row, int width, int height, Theme t, Look look) {
        List<Row> rows = layout(room, width, t, look);
        int visible = messageRows(room, height);
        int top = room.scroll() > 0 ? row + 1 : row;
        int end = Math.max(0, rows.size() - room.scroll());
        int start = Math.max(0, end - visible);
        int y = top + visible - (end - start);
        for (int i = start; i < end; i++, y++) {
            drawRow(c, rows.get(i), col, y, width, t, look);
        }
        if (room.scroll() > 0) {
            c.text(col, row, SCROLLED, width, t.dim());
        }
        if (room.newBelow() && room.scroll() > 0) {
            c.fill(col, row + height - 1, width, t.selectedBackground());
            c.text(col, row + height - 1, " -- new messages below (End) --", width, t.selectedForeground(),
                    t.selectedBackground(), SGR.BOLD);
        }
    }

    private static void drawRow(Canvas c, Row r, int col, int y, int width, Theme t, Look look) {
        int x = col;
        c.text(x, y, r.time(), TIME_COLUMNS, t.dim());
        x += TIME_COLUMNS;
        boolean current = r.line() >= 0 && r.line() == look.selected();
        if (!r.sender().isEmpty()) {
            x += marked(c, x, y, r.sender(), width - TIME_COLUMNS, r.senderColour(), true, look.query(), current, t);
        }
        marked(c, x, y, r.text(), col + width - x, r.colour(), r.bold(), look.query(), current, t);
    }

    /**
     * Writes {@code s} with each match of {@code query} marked: reversed, or in the selection's
     * colours on the current match's line. Returns the columns used.
     */
    private static int marked(Canvas c, int x, int y, String s, int max, TextColor fg, boolean bold, String query,
                              boolean current, Theme t) {
        SGR[] style = bold ? new SGR[]{SGR.BOLD} : new SGR[0];
        int used = 0;
        int from = 0;
        for (int at : ScrollbackSearch.spans(s, query)) {
            used += c.text(x + used, y, s.substring(from, at), max - used, fg, t.background(), style);
            String hit = s.substring(at, at + query.length());
            used += current
                    ? c.text(x + used, y, hit, max - used, t.selectedForeground(), t.selectedBackground(), SGR.BOLD)
                    : c.text(x + used, y, hit, max - used, fg, t.background(), SGR.REVERSE);
            from = at + query.length();
        }
        return used + c.text(x + used, y, s.substring(from), max - used, fg, t.background(), style);
    }

    static int rowCount(RoomModel room, int width, Theme t, Look look) {
        return layout(room, width, t, look).size();
    }
}
