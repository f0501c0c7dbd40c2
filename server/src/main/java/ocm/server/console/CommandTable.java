package ocm.server.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.server.admin.AdminException;

/**
 * The console's commands, declared once. {@link #run} parses a line, finds the command, checks its argument
 * count and calls its handler, so misuse is answered in one place; help and completion come from the same
 * declarations. Nothing typed makes {@code run} throw: every failure becomes one line of the reply.
 */
public final class CommandTable {
    private static final Logger LOG = Logger.getLogger(CommandTable.class.getName());

    /** A suggestion more edits away than this is more likely another word than a typo. */
    static final int MAX_SUGGESTION_DISTANCE = 2;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandTable register(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("command registered twice: " + command.name());
        }
        return this;
    }

    public Collection<Command> commands() {
        return List.copyOf(commands.values());
    }

    /** The command named {@code word}, typed with or without its slash. */
    public Optional<Command> find(String word) {
        String name = word.startsWith("/") ? word : "/" + word;
        return Optional.ofNullable(commands.get(name));
    }

    /** Runs one line typed by the operator. An empty line answers nothing. */
    public Reply run(String line) {
        Reply reply = new Reply();
        String text = line.strip();
        if (text.isEmpty()) {
            return reply;
        }
        int space = firstSpace(text);
        String word = text.substring(0, space);
        String rest = text.substring(space).strip();
        Optional<Command> found = find(word);
        if (found.isEmpty()) {
            return reply.line(unknown(word));
        }
        Command command = found.get();
        if (rest.equals("--help") || rest.equals("-h")) {
            return describe(command, reply);
        }
        List<String> args;
        try {
            args = ArgumentSplitter.split(rest, command.textTail() ? command.maxArgs() : 0);
        } catch (ArgumentSplitter.ArgumentException e) {
            return reply.line(e.getMessage()).line(command.usageLine());
        }
        if (args.size() < command.minArgs() || args.size() > command.maxArgs()) {
            return reply.line(command.usageLine());
        }
        return invoke(command, args, reply);
    }

    private static Reply invoke(Command command, List<String> args, Reply reply) {
        try {
            command.handler().handle(args, reply);
        } catch (AdminException e) {
            reply.line(e.getMessage());
        } catch (RuntimeException e) {
            // A server bug must not end the console; the operator sees one line, the log has the detail.
            LOG.log(Level.WARNING, command.name() + " failed", e);
            reply.line(command.name() + " failed: " + e);
        }
        return reply;
    }

    /** Usage and help of one command, as {@code /help CMD} and {@code CMD --help} show them. */
    public Reply describe(Command command, Reply reply) {
        return reply.line(command.usageLine()).line(command.help());
    }

    /** Every command with its synopsis and help line, aligned. */
    public Reply describeAll(Reply reply) {
        TextTable table = new TextTable(TextTable.Column.left("COMMAND"), TextTable.Column.left("WHAT IT DOES"));
        for (Command command : commands.values()) {
            table.row(command.synopsis(), command.help());
        }
        return reply.table(table);
    }

    /**
     * One line for a word that names no command: the close match, if there is one, else where the list is.
     * A far-off suggestion ("/frob; did you mean /help?") misleads more than it helps.
     */
    public String unknown(String word) {
        return "unknown command " + word + closest(word).map(c -> "; did you mean " + c + "? (/help lists all)")
            .orElse("; type /help for the list of commands");
    }

    /**
     * The known command closest to {@code word} (case aside), if it is a close match: at most
     * {@link #MAX_SUGGESTION_DISTANCE} edits away (and fewer edits than the word has letters, so "ab" is not
     * taken for "/ban"), or a command that starts with it ("/q" for "/quit"). The fewest edits win; ties go to
     * the first declared.
     */
    public Optional<String> closest(String word) {
        String typed = (word.startsWith("/") ? word.substring(1) : word).toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : commands.keySet()) {
            String bare = name.substring(1);
            int d = EditDistance.between(typed, bare);
            boolean close = (d <= MAX_SUGGESTION_DISTANCE && d < typed.length())
                || (!typed.isEmpty() && bare.startsWith(typed));
            if (close && d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Completion candidates for the word at {@code index} of {@code words} (the words of the line being typed,
     * the command first): command names for the first word, otherwise what the command's completer offers.
     */
    public List<String> complete(List<String> words, int index) {
        if (index == 0) {
            return new ArrayList<>(commands.keySet());
        }
        if (words.isEmpty()) {
            return List.of();
        }
        Optional<Command> command = find(words.get(0));
        if (command.isEmpty() || index > command.get().maxArgs()) {
            return List.of();
        }
        List<String> previous = words.subList(1, Math.min(index, words.size()));
        try {
            return command.get().completer().candidates(index - 1, List.copyOf(previous));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "completion failed", e);
            return List.of();
        }
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }
}
