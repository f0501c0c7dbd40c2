package ocm.server.console;

import java.util.ArrayList;
import java.util.List;
import ocm.protocol.TerminalText;
import org.jline.utils.WCWidth;

/**
 * A small aligned table for console answers: a header row, then rows; columns separated by two spaces,
 * numeric columns aligned right, no trailing spaces. Alignment counts screen columns, not chars.
 */
public final class TextTable {
    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    /** A column: its header, and whether its cells are aligned right (numbers). */
    public record Column(String header, boolean right) {
        public static Column left(String header) {
            return new Column(header, false);
        }

        public static Column right(String header) {
            return new Column(header, true);
        }
    }

    public TextTable(Column... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a table needs a column");
        }
        this.columns = List.of(columns);
    }

    public TextTable row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        List<String> clean = new ArrayList<>(cells.length);
        for (String cell : cells) {
            clean.add(printable(cell));
        }
        rows.add(List.copyOf(clean));
        return this;
    }

    public List<String> render() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(columns.get(c).header());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        List<String> out = new ArrayList<>(rows.size() + 1);
        out.add(renderRow(columns.stream().map(Column::header).toList(), widths));
        for (List<String> row : rows) {
            out.add(renderRow(row, widths));
        }
        return out;
    }

    private String renderRow(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - width(cell));
            line.append(columns.get(c).right() ? pad + cell : cell + pad);
        }
        return line.toString().stripTrailing();
    }

    /** Control and format characters (an escape sequence or bidi override in a name, say) would drive or garble the operator's terminal: shown as '?'. */
    private static String printable(String cell) {
        return TerminalText.safe(cell, Integer.MAX_VALUE);
    }

    /** Columns on screen: wide characters (CJK, most emoji) take two, combining marks none. */
    static int width(String text) {
        return text.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }
}
