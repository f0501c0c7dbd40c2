package ocm.client.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Search in a room's scrollback (Ctrl+R, {@code /search TEXT}): the query, and which matching
 * line is shown. Matching ignores case and looks at the line as drawn ("alice: hi", "-- bob
 * joined"). UI thread only; the room is passed in, so a room switch keeps no stale state.
 */
final class ScrollbackSearch {
    private boolean active;
    private String query = "";
    /** Index into the room's lines of the match shown, or -1 (none). */
    private int selected = -1;

    boolean active() {
        return active;
    }

    String query() {
        return query;
    }

    int selected() {
        return selected;
    }

    /** Starts (or restarts) a search for {@code q}, showing the newest match. */
    void start(String q, RoomModel room) {
        active = true;
        query = q;
        selectNewest(room);
    }

    /** The query typed on: shows the newest match of the new query. */
    void edit(String q, RoomModel room) {
        query = q;
        selectNewest(room);
    }

    void end() {
        active = false;
        query = "";
        selected = -1;
    }

    /** The next older match (up the screen), if any; stays put at the oldest. */
    void older(RoomModel room) {
        List<Integer> m = matches(room);
        for (int i = m.size() - 1; i >= 0; i--) {
            if (m.get(i) < selected) {
                selected = m.get(i);
                return;
            }
        }
    }

    /** The next newer match (down the screen), if any. */
    void newer(RoomModel room) {
        for (int i : matches(room)) {
            if (i > selected) {
                selected = i;
                return;
            }
        }
    }

    /** Where the shown match is among all: "2/5", or "no match". */
    String position(RoomModel room) {
        List<Integer> m = matches(room);
        int at = m.indexOf(selected);
        return m.isEmpty() || at < 0 ? "no match" : (at + 1) + "/" + m.size();
    }

    private void selectNewest(RoomModel room) {
        List<Integer> m = matches(room);
        selected = m.isEmpty() ? -1 : m.get(m.size() - 1);
    }

    /** Indices of the room's lines that contain the query. */
    List<Integer> matches(RoomModel room) {
        List<Integer> out = new ArrayList<>();
        if (query.isEmpty()) {
            return out;
        }
        List<ChatLine> lines = room.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (matches(lines.get(i), query)) {
                out.add(i);
            }
        }
        return out;
    }

    static boolean matches(ChatLine line, String q) {
        return !q.isEmpty() && !spans(Canvas.clean(line.body()), q).isEmpty();
    }

    /** Start indices of {@code q} in {@code s}, ignoring case, not overlapping. */
    static List<Integer> spans(String s, String q) {
        List<Integer> out = new ArrayList<>();
        if (q.isEmpty()) {
            return out;
        }
        for (int i = 0; i + q.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, q, 0, q.length())) {
                out.add(i);
                i += q.length() - 1;
            }
        }
        return out;
    }
}
