package ocm.server.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A small aligned table for console answers: a header row, then rows; columns separated by two spaces,
 * numeric columns aligned right, no trailing spaces.
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
        rows.add(List.of(cells));
        return this;
    }

    public List<String> render() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).header().length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
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
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(columns.get(c).right() ? pad + cell : cell + pad);
        }
        return line.toString().stripTrailing();
    }
}
