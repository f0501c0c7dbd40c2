package ocm.client.ui;

import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import com.googlecode.lanterna.input.KeyStroke;
import java.io.PrintStream;
import java.util.List;

/**
 * Bracketed paste (xterm's mode 2004; tmux, screen and most terminals have it): the terminal
 * wraps a paste in {@code ESC [200~} ... {@code ESC [201~}, so a pasted newline is told from a
 * typed Enter. Lanterna does not know the mode: this adds the two sequences to its input decoder,
 * as keystrokes of two private-use characters the chat screen looks for.
 */
public final class BracketedPaste {
    /** The keystroke character a paste starts with. */
    public static final char START = '\uE200';
    /** The keystroke character a paste ends with. */
    public static final char END = '\uE201';

    private static final String ON = "\033[?2004h";
    private static final String OFF = "\033[?2004l";

    private BracketedPaste() {
    }

    /** The decoder profile that reads the two sequences. */
    public static KeyDecodingProfile profile() {
        return () -> List.of(new Marker("\033[200~", START), new Marker("\033[201~", END));
    }

    /** Asks the terminal to bracket pastes (a terminal without the mode ignores it). */
    public static void enable(PrintStream terminalOut) {
        terminalOut.print(ON);
        terminalOut.flush();
    }

    /** Back to plain pastes: before the terminal is given back. */
    public static void disable(PrintStream terminalOut) {
        terminalOut.print(OFF);
        terminalOut.flush();
    }

    public static boolean isStart(KeyStroke k) {
        return isChar(k, START);
    }

    public static boolean isEnd(KeyStroke k) {
        return isChar(k, END);
    }

    private static boolean isChar(KeyStroke k, char c) {
        return k.getKeyType() == com.googlecode.lanterna.input.KeyType.Character && k.getCharacter() == c;
    }

    /** One fixed escape sequence as one keystroke. */
    private static final class Marker implements CharacterPattern {
        private final String sequence;
        private final char key;

        Marker(String sequence, char key) {
            this.sequence = sequence;
            this.key = key;
        }

        @Override
        public Matching match(List<Character> seq) {
            int n = seq.size();
            if (n > sequence.length()) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                if (seq.get(i) != sequence.charAt(i)) {
                    return null;
                }
            }
            return n == sequence.length() ? new Matching(new KeyStroke(key, false, false)) : Matching.NOT_YET;
        }
    }
}
