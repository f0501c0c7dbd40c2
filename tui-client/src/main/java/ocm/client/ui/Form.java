package ocm.client.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;

/** Labelled one-line fields with a focused one: Tab/arrows move, Enter submits, Esc cancels. */
public final class Form {
    /** What a key did to the form. */
    public enum Result { NONE, SUBMIT, CANCEL }

    private record Field(String label, InputLine input, boolean secret) {
    }

    private final List<Field> fields = new ArrayList<>();
    private int focus;
    private int labelWidth;
    private TerminalPosition cursor;

    public Form add(String label, String value, boolean secret) {
        InputLine in = new InputLine((before, word) -> List.of());
        in.set(value == null ? "" : value);
        fields.add(new Field(label, in, secret));
        labelWidth = Math.max(labelWidth, label.length());
        return this;
    }

    public String value(int i) {
        return fields.get(i).input().text().strip();
    }

    public int focus() {
        return focus;
    }

    public void focus(int i) {
        focus = Math.max(0, Math.min(fields.size() - 1, i));
    }

    public Result handle(KeyStroke k) {
        switch (k.getKeyType()) {
            case Escape:
                return Result.CANCEL;
            case Enter:
                return Result.SUBMIT;
            case Tab:
            case ArrowDown:
                focus = (focus + 1) % fields.size();
                return Result.NONE;
            case ReverseTab:
            case ArrowUp:
                focus = (focus + fields.size() - 1) % fields.size();
                return Result.NONE;
            default:
                if (k.getKeyType() == KeyType.Character || k.getKeyType() == KeyType.Backspace
                        || k.getKeyType() == KeyType.Delete || k.getKeyType() == KeyType.ArrowLeft
                        || k.getKeyType() == KeyType.ArrowRight || k.getKeyType() == KeyType.Home
                        || k.getKeyType() == KeyType.End) {
                    fields.get(focus).input().handle(k);
                }
                return Result.NONE;
        }
    }

    /** Draws the fields from (col, row), one per line, {@code width} columns wide. */
    public void draw(Canvas c, int col, int row, int width) {
        Theme t = c.theme();
        int boxWidth = Math.max(4, width - labelWidth - 3);
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            boolean focused = i == focus;
            c.text(col, row + i, f.label(), labelWidth, focused ? t.accent() : t.foreground(), t.background(),
                    focused ? new SGR[]{SGR.BOLD} : new SGR[0]);
            String text = f.input().text();
            String shown = f.secret() ? "*".repeat(text.codePointCount(0, text.length())) : text;
            int shownCursor = f.secret() ? text.codePointCount(0, f.input().cursor()) : f.input().cursor();
            InputWindow window = InputWindow.of(shown, shownCursor, boxWidth - 1);
            int x = col + labelWidth + 2;
            c.fill(x, row + i, boxWidth, focused ? t.barBackground() : t.background());
            c.text(x, row + i, window.visible(), boxWidth, focused ? t.barForeground() : t.foreground(),
                    focused ? t.barBackground() : t.background(), SGR.UNDERLINE);
            if (focused) {
                cursor = new TerminalPosition(x + window.cursorColumn(), row + i);
            }
        }
    }

    public TerminalPosition cursor() {
        return cursor;
    }
}
