package ocm.client.ui;

/**
 * The room list and member list beside the messages: which of them has the keyboard (F3 moves
 * the focus: rooms, members, back to the input) and how far each is scrolled. A list longer than
 * its column shows a window of it and a last row {@code +N more}; the room list's window always
 * holds the current room unless the user is scrolling it.
 */
final class SideLists {
    /** Which list Up/Down scroll. */
    enum Focus { NONE, ROOMS, MEMBERS }

    /** The items drawn ({@code first}, {@code count} of them) and how many are left out. */
    record Window(int first, int count, int more) {
    }

    private Focus focus = Focus.NONE;
    private int roomOffset;
    private int memberOffset;

    Focus focused() {
        return focus;
    }

    void nextFocus() {
        focus = Focus.values()[(focus.ordinal() + 1) % Focus.values().length];
    }

    void unfocus() {
        focus = Focus.NONE;
    }

    /** Scrolls the focused list by {@code rows} (the painter clamps it to the list). */
    void scroll(int rows) {
        if (focus == Focus.ROOMS) {
            roomOffset = Math.max(0, roomOffset + rows);
        } else if (focus == Focus.MEMBERS) {
            memberOffset = Math.max(0, memberOffset + rows);
        }
    }

    /** The room list's window; remembers where it ended up, so the next frame starts there. */
    Window rooms(int size, int slots, int current) {
        Window w = window(size, slots, roomOffset, focus == Focus.ROOMS ? -1 : current);
        roomOffset = w.first();
        return w;
    }

    Window members(int size, int slots) {
        Window w = window(size, slots, memberOffset, -1);
        memberOffset = w.first();
        return w;
    }

    /**
     * Which of {@code size} items fit in {@code slots} rows from {@code offset}: all of them, or
     * one row fewer and a {@code +N more} row; {@code keep} (or -1) is moved into the window.
     */
    static Window window(int size, int slots, int offset, int keep) {
        if (size <= slots) {
            return new Window(0, size, 0);
        }
        int shown = Math.max(0, slots - 1);
        int first = Math.max(0, Math.min(offset, size - shown));
        if (keep >= 0 && keep < first) {
            first = keep;
        } else if (keep >= 0 && keep >= first + shown) {
            first = keep - shown + 1;
        }
        return new Window(first, shown, size - shown);
    }
}
