package ocm.client.ui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;

/** One screen (connect, lobby, chat) or a dialog drawn over one. Used on the UI thread only. */
public interface View {
    /** The smallest terminal every screen works in (the chat's three columns need 60; its bars, 12 rows). */
    TerminalSize MINIMUM = new TerminalSize(60, 12);

    void draw(Canvas canvas);

    void handle(KeyStroke key);

    /**
     * Every key that had arrived at once was handled (a batch: what the terminal delivered
     * together, such as a paste). Called once per batch on each view that got keys in it.
     */
    default void keysDone() {
    }

    /** Where the terminal cursor goes, or null to hide it. */
    default TerminalPosition cursor(TerminalSize size) {
        return null;
    }

    /** Below this the screen shows "terminal too small" instead of drawing. */
    default TerminalSize minimumSize() {
        return MINIMUM;
    }
}
