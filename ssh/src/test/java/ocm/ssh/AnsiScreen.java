package ocm.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a terminal would show after the bytes the gateway sent: a grid of cells, fed the
 * subset of ANSI that Lanterna writes (cursor position, clear, erase line; colours and modes
 * ignored). Enough for tests to read the screen as tmux capture-pane would. Wide characters
 * take one cell here; tests look for ASCII text.
 */
final class AnsiScreen {
    private char[][] cells;
    private int row;
    private int col;
    private final StringBuilder pending = new StringBuilder();
    private java.io.ByteArrayOutputStream undecoded = new java.io.ByteArrayOutputStream();

    AnsiScreen(int columns, int rows) {
        resize(columns, rows);
    }

    synchronized void resize(int columns, int rows) {
        char[][] next = new char[rows][columns];
        for (char[] r : next) {
            Arrays.fill(r, ' ');
        }
        cells = next;
        row = Math.min(row, rows - 1);
        col = Math.min(col, columns - 1);
    }

    synchronized void feed(byte[] bytes, int off, int len) {
        undecoded.write(bytes, off, len);
        byte[] all = undecoded.toByteArray();
        // Keep an incomplete UTF-8 sequence at the end for the next feed.
        int end = all.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (all[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (all[end - back - 1] & 0xC0) == 0xC0) {
            int lead = all[end - back - 1] & 0xFF;
            int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
            if (back < need) {
                end = end - back - 1;
            }
        }
        pending.append(new String(all, 0, end, StandardCharsets.UTF_8));
        undecoded = new java.io.ByteArrayOutputStream();
        undecoded.write(all, end, all.length - end);
        interpret();
    }

    private void interpret() {
        int i = 0;
        while (i < pending.length()) {
            char c = pending.charAt(i);
            if (c == 0x1b) {
                int used = escape(i);
                if (used == 0) {
                    break; // incomplete: wait for more
                }
                i += used;
                continue;
            }
            if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                row = Math.min(row + 1, cells.length - 1);
            } else if (c >= ' ') {
                put(c);
            }
            i++;
        }
        pending.delete(0, i);
    }

    /** Handles the escape at {@code i}; returns the chars it took, 0 if incomplete. */
    private int escape(int i) {
        if (i + 1 >= pending.length()) {
            return 0;
        }
        char kind = pending.charAt(i + 1);
        if (kind != '[') {
            return 2; // ESC x: nothing we draw
        }
        int j = i + 2;
        while (j < pending.length() && (pending.charAt(j) < 0x40 || pending.charAt(j) > 0x7e)) {
            j++;
        }
        if (j >= pending.length()) {
            return 0;
        }
        String params = pending.substring(i + 2, j);
        csi(params, pending.charAt(j));
        return j - i + 1;
    }

    private void csi(String params, char fin) {
        if (params.startsWith("?")) {
            return;
        }
        String[] p = params.isEmpty() ? new String[0] : params.split(";");
        switch (fin) {
            case 'H':
            case 'f':
                row = clamp(arg(p, 0, 1) - 1, cells.length);
                col = clamp(arg(p, 1, 1) - 1, cells[0].length);
                break;
            case 'J':
                for (char[] r : cells) {
                    Arrays.fill(r, ' ');
                }
                break;
            case 'K':
                Arrays.fill(cells[row], col, cells[row].length, ' ');
                break;
            default:
                break; // colours, modes
        }
    }

    private static int arg(String[] p, int i, int fallback) {
        if (i >= p.length || p[i].isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(p[i]);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(v, size - 1));
    }

    private void put(char c) {
        if (col < cells[row].length) {
            cells[row][col] = c;
        }
        col = Math.min(col + 1, cells[row].length);
    }

    /** The screen as text, one line per row, trailing spaces cut. */
    synchronized String text() {
        StringBuilder b = new StringBuilder();
        for (char[] r : cells) {
            b.append(new String(r).stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
