package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Drawing helpers over a Lanterna {@link TextGraphics}: clipped, column-aware text and bars. */
public final class Canvas {
    private final TextGraphics g;
    private final Theme theme;

    public Canvas(TextGraphics g, Theme theme) {
        this.g = g;
        this.theme = theme;
    }

    public Theme theme() {
        return theme;
    }

    public TerminalSize size() {
        return g.getSize();
    }

    public int width() {
        return g.getSize().getColumns();
    }

    public int height() {
        return g.getSize().getRows();
    }

    /** Writes {@code text} at (col, row), cut to {@code maxColumns} screen columns; returns columns used. */
    public int text(int col, int row, String text, int maxColumns, TextColor fg, TextColor bg, SGR... styles) {
        if (maxColumns <= 0 || row < 0 || row >= height()) {
            return 0;
        }
        String fitted = TerminalTextUtils.fitString(clean(text), maxColumns);
        g.setForegroundColor(fg);
        g.setBackgroundColor(bg);
        g.clearModifiers();
        if (styles.length > 0) {
            g.enableModifiers(styles);
        }
        g.putString(col, row, fitted);
        g.clearModifiers();
        return TerminalTextUtils.getColumnWidth(fitted);
    }

    public int text(int col, int row, String text, int maxColumns, TextColor fg) {
        return text(col, row, text, maxColumns, fg, theme.background());
    }

    /** Fills a whole row (from col, width columns) with spaces in {@code bg}. */
    public void fill(int col, int row, int width, TextColor bg) {
        if (width <= 0) {
            return;
        }
        g.setBackgroundColor(bg);
        g.setForegroundColor(theme.foreground());
        g.putString(col, row, " ".repeat(width));
    }

    public void clear() {
        g.setBackgroundColor(theme.background());
        g.setForegroundColor(theme.foreground());
        g.fill(' ');
    }

    public void vline(int col, int fromRow, int toRow) {
        g.setForegroundColor(theme.dim());
        g.setBackgroundColor(theme.background());
        for (int r = fromRow; r <= toRow; r++) {
            g.setCharacter(col, r, '│');
        }
    }

    /** Text as Lanterna can draw it: one cell per char, no controls (see {@link SafeText#forCells}). */
    public static String clean(String s) {
        return SafeText.forCells(s);
    }
}
