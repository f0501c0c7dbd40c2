package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays a room's lines out as screen rows (time, coloured sender, wrapped text, system lines
 * apart) and draws the window of rows the scroll position selects.
 */
final class MessagePane {
    static final int TIME_COLUMNS = 6;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    /** One screen row: the time (first row of a line only), sender part, and the rest. */
    record Row(String time, String sender, String text, TextColor senderColour, TextColor colour, boolean bold) {
    }

    private MessagePane() {
    }

    static List<Row> layout(RoomModel room, int width, Theme t) {
        List<Row> rows = new ArrayList<>();
        int textWidth = Math.max(8, width - TIME_COLUMNS);
        for (ChatLine l : room.lines()) {
            String time = TIME.format(Instant.ofEpochMilli(l.timeMillis()));
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
                rows.add(new Row(i == 0 ? time : "", sender, w, t.colourOf(l.sender()), colour,
                        l.mention() || l.kind() == ChatLine.Kind.ERROR));
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
                return t.system();
            case ACTION:
                return t.colourOf(l.sender());
            default:
                return t.foreground();
        }
    }

    /** Draws rows into the box (col, row, width, height), {@code scroll} rows up from the bottom. */
    static void draw(Canvas c, RoomModel room, int col, int row, int width, int height, Theme t) {
        List<Row> rows = layout(room, width, t);
        int end = Math.max(0, rows.size() - room.scroll());
        int start = Math.max(0, end - height);
        int y = row + height - (end - start);
        for (int i = start; i < end; i++, y++) {
            Row r = rows.get(i);
            int x = col;
            c.text(x, y, r.time(), TIME_COLUMNS, t.dim());
            x += TIME_COLUMNS;
            if (!r.sender().isEmpty()) {
                x += c.text(x, y, r.sender(), width - TIME_COLUMNS, r.senderColour(), t.background(), SGR.BOLD);
            }
            SGR[] style = r.bold() ? new SGR[]{SGR.BOLD} : new SGR[0];
            c.text(x, y, r.text(), col + width - x, r.colour(), t.background(), style);
        }
        if (room.newBelow() && room.scroll() > 0) {
            c.fill(col, row + height - 1, width, t.selectedBackground());
            c.text(col, row + height - 1, " -- new messages below (End) --", width, t.selectedForeground(),
                    t.selectedBackground(), SGR.BOLD);
        } else if (room.scroll() > 0) {
            c.text(col + Math.max(0, width - 12), row, "[scrolled]", 12, t.dim());
        }
    }

    static int rowCount(RoomModel room, int width, Theme t) {
        return layout(room, width, t).size();
    }
}
