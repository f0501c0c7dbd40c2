package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.Arrays;
import java.util.EnumSet;

/** Drawing helpers over a Lanterna {@link TextGraphics}: clipped, column-aware text and bars. */
public final class Canvas {
    /** Cells between a box's margin and the screen's edge that are cleared rather than left showing. */
    private static final int SLIVER = 2;
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
        String fitted = Cells.fit(clean(text), maxColumns);
        g.setForegroundColor(fg);
        g.setBackgroundColor(bg);
        g.clearModifiers();
        EnumSet<SGR> modifiers = EnumSet.noneOf(SGR.class);
        if (styles.length > 0) {
            g.enableModifiers(styles);
            modifiers.addAll(Arrays.asList(styles));
        }
        Cells.draw(g, col, row, fitted, modifiers);
        g.clearModifiers();
        return Cells.width(fitted);
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

    /**
     * A framed box over whatever is drawn below (help, dialogs): clears the box and a one-cell
     * margin round it, so no text underneath touches the frame (a sliver of up to two cells left
     * between the margin and the screen's edge is cleared too: a lone letter there reads as junk);
     * the frame is a line all round with the title in its top side ({@code ┌─ Title ───┐}). The
     * content goes inside, from (x + 2, y + 1) to (x + w - 3, y + h - 2).
     */
    public void box(int x, int y, int w, int h, String title) {
        int left = x - 1 <= SLIVER ? 0 : x - 1;
        int right = width() - 1 - (x + w) <= SLIVER ? width() - 1 : x + w;
        int top = y - 1 <= SLIVER ? 0 : y - 1;
        int last = height() - 1 - (y + h) <= SLIVER ? height() - 1 : y + h;
        for (int r = top; r <= last; r++) {
            fill(left, r, right - left + 1, theme.background());
        }
        g.setForegroundColor(theme.dim());
        g.setBackgroundColor(theme.background());
        g.setCharacter(x, y, '┌');
        for (int col = x + 1; col < x + w - 1; col++) {
            g.setCharacter(col, y, '─');
        }
        g.setCharacter(x + w - 1, y, '┐');
        text(x + 2, y, " " + title + " ", w - 4, theme.accent(), theme.background(), SGR.BOLD);
        g.setForegroundColor(theme.dim());
        g.setBackgroundColor(theme.background());
        int bottom = y + h - 1;
        for (int r = y + 1; r < bottom; r++) {
            g.setCharacter(x, r, '│');
            g.setCharacter(x + w - 1, r, '│');
        }
        g.setCharacter(x, bottom, '└');
        for (int col = x + 1; col < x + w - 1; col++) {
            g.setCharacter(col, bottom, '─');
        }
        g.setCharacter(x + w - 1, bottom, '┘');
    }

    /** Text as Lanterna and the terminal both measure it, no controls (see {@link SafeText#forCells}). */
    public static String clean(String s) {
        return SafeText.forCells(s);
    }
}
