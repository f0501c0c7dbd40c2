package ocm.client.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Slash commands declared once: {@link #run} checks arguments and host rights before calling a
 * handler, and help and completion are generated from the same entries.
 *
 * @param <C> what handlers act on (the chat screen, or plain mode)
 */
public final class CommandTable<C> {
    /** What a command's first argument completes to. */
    public enum Completion { NONE, MEMBER, ROOM }

    /** Acts on a parsed command line; a thrown {@link CommandException} becomes a line for the user. */
    @FunctionalInterface
    public interface Handler<C> {
        void handle(C context, Args args) throws CommandException;
    }

    /**
     * What follows a command's name: up to {@code words} words (a name with spaces in double quotes),
     * then, when {@code text}, free text kept as typed (a reason, an action). {@code required} counts the
     * arguments that must be there, the free text counting as one.
     */
    public record Params(int required, int words, boolean text, boolean extrasIgnored) {
        public Params(int required, int words, boolean text) {
            this(required, words, text, false);
        }

        /** No arguments: "/leave now" is refused, so a typo never acts unasked. */
        public static Params none() {
            return new Params(0, 0, false);
        }

        /** No arguments, and words after the name are ignored ("/quit bye" quits, as in IRC). */
        public static Params noneIgnoringExtras() {
            return new Params(0, 0, false, true);
        }

        public static Params words(int required, int words) {
            return new Params(required, words, false);
        }

        public static Params wordsThenText(int required, int words) {
            return new Params(required, words, true);
        }
    }

    /** One table row. */
    public record Command<C>(String name, String usage, String help, boolean hostOnly, Params params,
                             Completion completion, Handler<C> handler) {
    }

    /** The words after the command name, and the free text after them (empty for a command that takes none). */
    public record Args(List<String> words, String text) {
        public String get(int i) {
            return words.get(i);
        }

        public int size() {
            return words.size();
        }

        public Optional<String> optional(int i) {
            return i < words.size() ? Optional.of(words.get(i)) : Optional.empty();
        }
    }

    /** A command that could not run, with the reason in words. */
    public static final class CommandException extends Exception {
        public CommandException(String message) {
            super(message);
        }
    }

    private final Map<String, Command<C>> commands = new LinkedHashMap<>();

    public CommandTable<C> register(String name, String usage, String help, boolean hostOnly, Params params,
                                    Completion completion, Handler<C> handler) {
        commands.put(name, new Command<>(name, usage, help, hostOnly, params, completion, handler));
        return this;
    }

    public static boolean isCommand(String line) {
        return line.startsWith("/") && !line.startsWith("//");
    }

    /** Runs {@code line} ("/name args..."); the problem, if any, comes back as an exception. */
    public void run(String line, C context, boolean isHost) throws CommandException {
        String body = line.substring(1);
        int sp = body.indexOf(' ');
        String name = (sp < 0 ? body : body.substring(0, sp)).toLowerCase();
        String raw = sp < 0 ? "" : body.substring(sp + 1);
        Command<C> c = commands.get(name);
        if (c == null) {
            throw new CommandException("unknown command /" + name + closest(name).map(n -> "; did you mean /" + n + "?")
                    .orElse("") + " (/help lists all)");
        }
        Args args = parse(c, raw);
        if (c.hostOnly() && !isHost) {
            throw new CommandException("/" + name + " is for the room's host only");
        }
        c.handler().handle(context, args);
    }

    /** Splits {@code raw} as {@code c} takes it and checks the count; nothing has run yet when this throws. */
    private static Args parse(Command<?> c, String raw) throws CommandException {
        Params p = c.params();
        ArgumentSplitter.Split split = ArgumentSplitter.split(raw, p.words());
        String text = p.text() ? split.rest() : "";
        int given = split.words().size() + (text.isBlank() ? 0 : 1);
        if (given < p.required()) {
            throw new CommandException("usage: " + c.usage());
        }
        if (!p.text() && p.words() == 0 && !p.extrasIgnored() && !raw.isBlank()) {
            throw new CommandException("/" + c.name() + " takes nothing after it (usage: " + c.usage() + ")");
        }
        // A command of words only: a name with a space typed without quotes lands here.
        if (!p.text() && p.words() > 0 && !split.rest().isBlank()) {
            throw new CommandException("too many arguments; put a name with spaces in double quotes,"
                    + " e.g. /" + c.name() + " \"my room\" (usage: " + c.usage() + ")");
        }
        return new Args(split.words(), text);
    }

    public List<Command<C>> commands() {
        return List.copyOf(commands.values());
    }

    /** One line per command: usage, then what it does. */
    public List<String> help() {
        int w = commands.values().stream().mapToInt(c -> c.usage().length()).max().orElse(0);
        return commands.values().stream()
                .map(c -> String.format("%-" + w + "s  %s%s", c.usage(), c.help(), c.hostOnly() ? " (host)" : ""))
                .collect(Collectors.toList());
    }

    /**
     * The command {@code typed} most likely meant, as the admin console finds it: at most two edits
     * away and fewer edits than it has letters (so "ab" is not taken for "ban"), or a command it
     * begins; the fewest edits win, ties go to the first declared. Far-off guesses mislead: none then.
     */
    public Optional<String> closest(String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : commands.keySet()) {
            int d = EditDistance.between(typed, n);
            boolean close = (d <= 2 && d < typed.length()) || (!typed.isEmpty() && n.startsWith(typed));
            if (close && d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Command names ("/join") starting with {@code prefix} (which includes the slash); a name typed
     * whole is the only candidate, so "/me" and Tab stays "/me" rather than becoming "/members".
     */
    public List<String> completeName(String prefix) {
        if (commands.containsKey(prefix.toLowerCase().substring(Math.min(1, prefix.length())))) {
            return List.of(prefix.toLowerCase());
        }
        List<String> out = new ArrayList<>();
        for (String n : commands.keySet()) {
            if (("/" + n).startsWith(prefix.toLowerCase())) {
                out.add("/" + n);
            }
        }
        return out;
    }

    /** What the first argument of {@code /name} completes to. */
    public Completion argumentCompletion(String name) {
        Command<C> c = commands.get(name.startsWith("/") ? name.substring(1).toLowerCase() : name);
        return c == null ? Completion.NONE : c.completion();
    }

    public static List<String> sorted(List<String> in) {
        List<String> out = new ArrayList<>(in);
        Collections.sort(out, String.CASE_INSENSITIVE_ORDER);
        return out;
    }
}
