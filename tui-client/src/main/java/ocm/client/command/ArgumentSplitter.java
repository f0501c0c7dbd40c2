package ocm.client.command;

import java.util.ArrayList;
import java.util.List;
import ocm.client.command.CommandTable.CommandException;

/**
 * Reads a slash command's leading arguments as words, so a room or user name with spaces can be
 * given as {@code "General 日本"}; whatever follows them is left as typed (a reason, an action).
 *
 * <p>A double quote opens only at the start of a word, and inside it a backslash escapes {@code "}
 * and {@code \}; everywhere else every character is itself, so a password such as {@code a\b'c}
 * needs no quoting. These are the admin console's rules without its single quotes and bare
 * backslashes (the server's splitter cannot be shared: the client does not depend on the server).
 */
public final class ArgumentSplitter {
    /** The words read, and the text after the last of them (leading spaces dropped, the rest as typed). */
    record Split(List<String> words, String rest) {
    }

    private ArgumentSplitter() {
    }

    /**
     * Reads at most {@code max} words from {@code text}.
     *
     * @throws CommandException for a quote that is never closed
     */
    static Split split(String text, int max) throws CommandException {
        List<String> words = new ArrayList<>();
        int i = skipSpaces(text, 0);
        while (i < text.length() && words.size() < max) {
            StringBuilder word = new StringBuilder();
            i = readWord(text, i, word);
            words.add(word.toString());
            i = skipSpaces(text, i);
        }
        return new Split(List.copyOf(words), text.substring(i));
    }

    /** A name as it must be typed to come back whole from {@link #split}: quoted when it needs to be. */
    public static String quote(String word) {
        boolean plain = !word.isEmpty() && !word.startsWith("\"") && word.codePoints().noneMatch(Character::isWhitespace);
        if (plain) {
            return word;
        }
        return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Where a quoted word still open at the end of {@code text} starts (the index of its quote), or -1:
     * completion then takes the whole quoted name so far as the word to complete.
     */
    public static int openQuote(String text) {
        int i = skipSpaces(text, 0);
        while (i < text.length()) {
            int start = i;
            if (text.charAt(i) == '"') {
                i = closingQuote(text, i);
                if (i < 0) {
                    return start;
                }
            }
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            i = skipSpaces(text, i);
        }
        return -1;
    }

    /** The index just after the quote closing the one at {@code open}, or -1 when there is none. */
    private static int closingQuote(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                i++;
            }
        }
        return -1;
    }

    /** Reads one word starting at {@code i} into {@code word}; returns the index just after it. */
    private static int readWord(String text, int i, StringBuilder word) throws CommandException {
        if (text.charAt(i) == '"') {
            i = readQuoted(text, i, word);
        }
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            word.append(text.charAt(i++));
        }
        return i;
    }

    private static int readQuoted(String text, int open, StringBuilder word) throws CommandException {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            boolean escape = c == '\\' && i + 1 < text.length()
                    && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\');
            word.append(escape ? text.charAt(i + 1) : c);
            i += escape ? 2 : 1;
        }
        throw new CommandException("unclosed quote in " + text.substring(open)
                + " - end the name with \" (write \\\" for a quote inside it); nothing was sent");
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
