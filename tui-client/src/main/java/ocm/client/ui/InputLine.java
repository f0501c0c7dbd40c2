package ocm.client.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import ocm.client.command.ArgumentSplitter;

/**
 * The input box's state: text, cursor, history and Tab completion, with the usual Emacs-style
 * keys. Pure logic, no drawing, so it is tested without a terminal.
 */
public final class InputLine {
    /** Supplies completions for the word being typed. */
    @FunctionalInterface
    public interface Completer {
        /** @param before the text before the word; @param word the word's start (may be empty) */
        List<String> complete(String before, String word);
    }

    private static final int HISTORY_LIMIT = 200;

    private final List<String> history = new ArrayList<>();
    private final Completer completer;
    private String text = "";
    private int cursor;
    private int historyIndex = -1;
    private String draft = "";
    // Tab cycling: the candidates for the word at completionStart, and which one is shown.
    private List<String> candidates = List.of();
    private int candidateIndex;
    private int completionStart;

    public InputLine(Completer completer) {
        this.completer = completer;
    }

    public String text() {
        return text;
    }

    /** Cursor position as a char index into {@link #text()}. */
    public int cursor() {
        return cursor;
    }

    public void set(String s) {
        text = s;
        cursor = s.length();
    }

    /** Takes the line for sending: remembers it in the history and empties the box. */
    public String take() {
        String s = text;
        if (!s.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(s))) {
            history.add(s);
            if (history.size() > HISTORY_LIMIT) {
                history.remove(0);
            }
        }
        historyIndex = -1;
        draft = "";
        set("");
        return s;
    }

    /** Applies an editing key; returns false when the key is not an editing key. */
    public boolean handle(KeyStroke k) {
        boolean tab = k.getKeyType() == KeyType.Tab;
        if (!tab) {
            candidates = List.of();
        }
        if (k.getKeyType() == KeyType.Character && k.isCtrlDown() && !k.isAltDown()) {
            return control(Character.toLowerCase(k.getCharacter()));
        }
        switch (k.getKeyType()) {
            case Character:
                if (k.isAltDown()) {
                    return false;
                }
                insert(String.valueOf(k.getCharacter()));
                return true;
            case Backspace:
                if (cursor > 0) {
                    int from = Graphemes.previous(text, cursor);
                    text = text.substring(0, from) + text.substring(cursor);
                    cursor = from;
                }
                return true;
            case Delete:
                if (cursor < text.length()) {
                    text = text.substring(0, cursor) + text.substring(Graphemes.next(text, cursor));
                }
                return true;
            case ArrowLeft:
                cursor = cursor > 0 ? Graphemes.previous(text, cursor) : 0;
                return true;
            case ArrowRight:
                cursor = cursor < text.length() ? Graphemes.next(text, cursor) : cursor;
                return true;
            case Home:
                cursor = 0;
                return true;
            case End:
                cursor = text.length();
                return true;
            case ArrowUp:
                recall(+1);
                return true;
            case ArrowDown:
                recall(-1);
                return true;
            case Tab:
                complete();
                return true;
            default:
                return false;
        }
    }

    private boolean control(char c) {
        switch (c) {
            case 'a':
                cursor = 0;
                return true;
            case 'e':
                cursor = text.length();
                return true;
            case 'u':
                text = text.substring(cursor);
                cursor = 0;
                return true;
            case 'k':
                text = text.substring(0, cursor);
                return true;
            case 'w': {
                int i = cursor;
                while (i > 0 && text.charAt(i - 1) == ' ') {
                    i--;
                }
                while (i > 0 && text.charAt(i - 1) != ' ') {
                    i--;
                }
                text = text.substring(0, i) + text.substring(cursor);
                cursor = i;
                return true;
            }
            default:
                return false;
        }
    }

    public void insert(String s) {
        text = text.substring(0, cursor) + s + text.substring(cursor);
        cursor += s.length();
    }

    /** Moves through the history: +1 older, -1 newer; the unsent draft comes back at the end. */
    private void recall(int direction) {
        if (history.isEmpty()) {
            return;
        }
        if (historyIndex == -1) {
            if (direction < 0) {
                return;
            }
            draft = text;
        }
        int next = historyIndex + direction;
        if (next >= history.size()) {
            return;
        }
        historyIndex = next;
        set(historyIndex == -1 ? draft : history.get(history.size() - 1 - historyIndex));
    }

    /** Completes the word before the cursor; pressing Tab again cycles through the candidates. */
    private void complete() {
        if (!candidates.isEmpty()) {
            String current = candidates.get(candidateIndex);
            candidateIndex = (candidateIndex + 1) % candidates.size();
            replaceWord(current, candidates.get(candidateIndex));
            return;
        }
        int start = cursor;
        while (start > 0 && text.charAt(start - 1) != ' ') {
            start--;
        }
        // A command's quoted argument still open ("/join "General 日") is one word, spaces and all.
        int quote = text.startsWith("/") ? ArgumentSplitter.openQuote(text.substring(0, cursor)) : -1;
        if (quote >= 0) {
            start = quote;
        }
        String word = text.substring(start, cursor);
        List<String> found = completer.complete(text.substring(0, start), word);
        if (found.isEmpty()) {
            return;
        }
        completionStart = start;
        candidates = List.copyOf(found);
        candidateIndex = 0;
        replaceWord(word, candidates.get(0));
    }

    private void replaceWord(String old, String replacement) {
        String suffix = completionSuffix(completionStart, replacement);
        int end = completionStart + old.length();
        if (text.startsWith(old + suffixOf(old), completionStart) && !suffixOf(old).isEmpty()) {
            end += suffixOf(old).length();
        }
        text = text.substring(0, completionStart) + replacement + suffix + text.substring(Math.min(end, text.length()));
        cursor = completionStart + replacement.length() + suffix.length();
    }

    /** A completed name at the start of the line gets ": " (IRC style), anything else a space. */
    private static String completionSuffix(int start, String word) {
        return start == 0 && !word.startsWith("/") ? ": " : " ";
    }

    private String suffixOf(String word) {
        return completionSuffix(completionStart, word);
    }
}
