package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Text cleaned by {@link SafeText#forCells} measured, cut, wrapped and drawn in whole cells. A
 * cell is one char, a code point outside the BMP (two chars), or a wide BMP symbol followed by
 * {@link SafeText#WIDEN}; the last two are two columns wide. Lanterna's own fitting and wrapping
 * would split those pairs, and its putString draws each half as a '?'.
 */
final class Cells {
    private Cells() {
    }

    /** Columns taken by cleaned text. */
    static int width(String s) {
        return TerminalTextUtils.getColumnWidth(s); // per char: each half of a pair counts one
    }

    /** Where the cell that starts at {@code i} ends. */
    static int cellEnd(String s, int i) {
        char c = s.charAt(i);
        if (i + 1 < s.length() && (Character.isHighSurrogate(c) && Character.isLowSurrogate(s.charAt(i + 1))
                || s.charAt(i + 1) == SafeText.WIDEN)) {
            return i + 2;
        }
        return i + 1;
    }

    private static int cellWidth(String s, int from, int to) {
        return to - from == 2 ? 2 : TerminalTextUtils.isCharDoubleWidth(s.charAt(from)) ? 2 : 1;
    }

    /** The longest start of {@code s} that fits {@code columns}, never half a cell. */
    static String fit(String s, int columns) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int end = cellEnd(s, i);
            int w = cellWidth(s, i, end);
            if (used + w > columns) {
                break;
            }
            used += w;
            i = end;
        }
        return s.substring(0, i);
    }

    /**
     * {@code s} in at most {@code columns}, cut with "…" when it does not fit, so a cut name never
     * reads as another whole name ("General 日本" cut to "General" could be the room General).
     */
    static String ellipsize(String s, int columns) {
        if (width(s) <= columns) {
            return s;
        }
        return columns <= 0 ? "" : fit(s, columns - 1) + "…";
    }

    /**
     * Word-wraps {@code s} into lines of at most {@code columns}: breaks at a space (which is
     * dropped), and inside a word only when the word alone is wider than a line. Empty text gives
     * no lines.
     */
    static List<String> wrap(String s, int columns) {
        List<String> lines = new ArrayList<>();
        int cols = Math.max(1, columns);
        int start = 0;
        while (start < s.length()) {
            int end = start;
            int used = 0;
            int lastSpace = -1;
            while (end < s.length()) {
                int next = cellEnd(s, end);
                int w = cellWidth(s, end, next);
                if (used + w > cols) {
                    break;
                }
                if (s.charAt(end) == ' ') {
                    lastSpace = end;
                }
                used += w;
                end = next;
            }
            if (end == s.length()) {
                lines.add(s.substring(start));
                break;
            }
            if (s.charAt(end) == ' ') {
                lines.add(s.substring(start, end));
                start = end + 1;
            } else if (lastSpace > start) {
                lines.add(s.substring(start, lastSpace));
                start = lastSpace + 1;
            } else {
                end = end == start ? cellEnd(s, start) : end; // a cell wider than the line: alone on it
                lines.add(s.substring(start, end));
                start = end;
            }
        }
        return lines;
    }

    /**
     * Draws cleaned text at (col, row) with the graphics' current colours and {@code styles}:
     * runs of one-char cells with putString, each two-char cell as one character.
     */
    static void draw(TextGraphics g, int col, int row, String s, EnumSet<SGR> styles) {
        int x = col;
        int runStart = 0;
        int i = 0;
        while (i < s.length()) {
            int end = cellEnd(s, i);
            if (end - i == 2) {
                if (i > runStart) {
                    String run = s.substring(runStart, i);
                    g.putString(x, row, run);
                    x += width(run);
                }
                TextColor fg = g.getForegroundColor();
                TextColor bg = g.getBackgroundColor();
                g.setCharacter(x, row, TextCharacter.fromString(s.substring(i, end), fg, bg, styles)[0]);
                x += 2;
                runStart = end;
            }
            i = end;
        }
        if (runStart < s.length()) {
            g.putString(x, row, s.substring(runStart));
        }
    }
}
