package ocm.client.ui;

/** The part of a long input line that fits the box, scrolled so the cursor stays visible. */
record InputWindow(String visible, int cursorColumn) {
    static InputWindow of(String text, int cursor, int columns) {
        // Cleaned in two parts, so the cursor stays between the same characters.
        String before = Canvas.clean(text.substring(0, cursor));
        String after = Canvas.clean(text.substring(cursor));
        int start = 0;
        while (start < before.length() && Cells.width(before.substring(start)) >= columns) {
            start = Cells.cellEnd(before, start);
        }
        String shownBefore = before.substring(start);
        String visible = Cells.fit(shownBefore + after, Math.max(0, columns));
        return new InputWindow(visible, Cells.width(shownBefore));
    }
}
