package ocm.server.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command's arguments into words, so names with spaces can be given as {@code "my room"},
 * {@code 'my room'} or {@code my\ room} (the form JLine's completion inserts).
 *
 * <p>A quote opens only at the start of a word, so names like {@code o'neil} need no quoting. Inside double
 * quotes a backslash escapes {@code "} and {@code \}; inside single quotes nothing is special. With a limit,
 * the last word is the rest of the line as typed (free text such as a reason or a message), unquoted only
 * when it is a single quoted word.
 */
final class ArgumentSplitter {
    private ArgumentSplitter() {
    }

    /**
     * @param limit at most this many words, the last taking the rest of the line; 0 for no limit
     * @throws ArgumentException for an unclosed quote
     */
    static List<String> split(String text, int limit) throws ArgumentException {
        List<String> words = new ArrayList<>();
        int i = skipSpaces(text, 0);
        while (i < text.length()) {
            if (limit > 0 && words.size() == limit - 1) {
                words.add(tail(text.substring(i).strip()));
                break;
            }
            StringBuilder word = new StringBuilder();
            i = readWord(text, i, word);
            words.add(word.toString());
            i = skipSpaces(text, i);
        }
        return words;
    }

    private static String tail(String rest) {
        char first = rest.charAt(0);
        if (first == '"' || first == '\'') {
            try {
                List<String> one = split(rest, 0);
                if (one.size() == 1 && rest.charAt(rest.length() - 1) == first) {
                    return one.get(0);
                }
            } catch (ArgumentException e) {
                // Free text may hold an odd quote; it is then taken as typed.
            }
        }
        return rest;
    }

    /** Reads one word starting at {@code i} into {@code word}; returns the index just after it. */
    private static int readWord(String text, int i, StringBuilder word) throws ArgumentException {
        char first = text.charAt(i);
        if (first == '"' || first == '\'') {
            i = readQuoted(text, i, word);
        }
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        return i;
    }

    private static int readQuoted(String text, int open, StringBuilder word) throws ArgumentException {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (quote == '"' && c == '\\' && i + 1 < text.length()
                    && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new ArgumentException("unclosed " + quote + " in: " + text.substring(open));
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Arguments that cannot be split; the message is one line for the operator. */
    static final class ArgumentException extends Exception {
        private static final long serialVersionUID = 1L;

        ArgumentException(String message) {
            super(message);
        }
    }
}
