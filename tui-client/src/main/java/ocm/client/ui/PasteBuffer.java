package ocm.client.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines pasted into the chat screen, held until the user confirms sending them ("send 60 lines
 * to lobby? Enter / Esc"). A paste is told by the terminal's brackets, or, without them, by
 * several Enters arriving in one batch of keys (no one types that fast). UI thread only.
 */
final class PasteBuffer {
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private boolean bracketed;
    private String room;

    /** True while a bracketed paste is arriving. */
    boolean bracketed() {
        return bracketed;
    }

    /** True while lines wait for the user's Enter or Esc. */
    boolean confirming() {
        return room != null;
    }

    void begin() {
        bracketed = true;
        partial.setLength(0);
    }

    void append(char c) {
        partial.append(c);
    }

    void newline() {
        lines.add(partial.toString());
        partial.setLength(0);
    }

    /**
     * The bracketed paste ended. Returns the text to put in the input line when it was a single
     * line (nothing to confirm); null when lines now wait for confirmation.
     */
    String end(String toRoom) {
        bracketed = false;
        if (lines.isEmpty()) {
            String one = partial.toString();
            partial.setLength(0);
            return one;
        }
        if (partial.length() > 0) {
            lines.add(partial.toString());
            partial.setLength(0);
        }
        return confirm(toRoom) ? null : "";
    }

    /** Lines typed in one batch of keys: a paste, to be confirmed, when there are two or more. */
    void addLines(List<String> typed) {
        lines.addAll(typed);
    }

    /** Asks for confirmation if any line is worth sending; false when there is nothing to send. */
    boolean confirm(String toRoom) {
        lines.removeIf(l -> l.isBlank());
        if (lines.isEmpty()) {
            room = null;
            return false;
        }
        room = toRoom;
        return true;
    }

    String room() {
        return room;
    }

    /** The question shown in place of the input line. */
    String question() {
        return "send " + lines.size() + (lines.size() == 1 ? " line" : " lines") + " to " + room + "? Enter / Esc";
    }

    /** Takes the lines (the user said yes, or no) and ends the confirmation. */
    List<String> take() {
        List<String> out = List.copyOf(lines);
        lines.clear();
        room = null;
        return out;
    }
}
