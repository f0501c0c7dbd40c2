package ocm.client.ui;

import com.googlecode.lanterna.TerminalTextUtils;

/** The part of a long input line that fits the box, scrolled so the cursor stays visible. */
record InputWindow(String visible, int cursorColumn) {
    static InputWindow of(String text, int cursor, int columns) {
        String clean = Canvas.clean(text);
        int start = 0;
        while (start < cursor && TerminalTextUtils.getColumnWidth(clean.substring(start, cursor)) >= columns) {
            start++;
        }
        String visible = TerminalTextUtils.fitString(clean.substring(start), Math.max(0, columns));
        return new InputWindow(visible, TerminalTextUtils.getColumnWidth(clean.substring(start, cursor)));
    }
}
