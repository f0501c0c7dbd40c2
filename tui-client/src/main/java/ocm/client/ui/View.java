package ocm.client.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;

/** One screen (connect, lobby, chat) or a dialog drawn over one. Used on the UI thread only. */
public interface View {
    void draw(Canvas canvas);

    void handle(KeyStroke key);

    /** Where the terminal cursor goes, or null to hide it. */
    default TerminalPosition cursor(TerminalSize size) {
        return null;
    }

    /** Below this the screen shows "terminal too small" instead of drawing. */
    default TerminalSize minimumSize() {
        return new TerminalSize(60, 16);
    }
}
