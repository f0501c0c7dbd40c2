package ocm.server.console;

import java.util.List;
import java.util.Objects;
import ocm.server.admin.AdminException;

/**
 * One console command as declared in the {@link CommandTable}: its name, usage, help line, how many
 * arguments it takes, what it does and how its arguments complete. {@link CommandTable#run} checks the
 * argument count before the handler runs, so handlers never repeat that check.
 *
 * @param name      the command as typed, with its slash ("/kick")
 * @param usage     the arguments part of the usage line ("ROOM USER [reason]"), empty if none
 * @param help      one line saying what it does
 * @param minArgs   fewest arguments accepted
 * @param maxArgs   most arguments accepted
 * @param textTail  the last argument is free text: it takes the rest of the line verbatim (reasons, messages)
 * @param handler   does the work and writes the answer into a {@link Reply}
 * @param completer candidates for the argument at a given position
 */
public record Command(String name, String usage, String help, int minArgs, int maxArgs, boolean textTail,
                      Handler handler, ArgCompleter completer) {
    public Command {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(completer, "completer");
        if (!name.startsWith("/") || name.length() < 2 || name.contains(" ")) {
            throw new IllegalArgumentException("a command name is a slash and a word: " + name);
        }
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException("bad argument counts for " + name + ": " + minArgs + ".." + maxArgs);
        }
        if (textTail && maxArgs == 0) {
            throw new IllegalArgumentException(name + " has no argument to take the rest of the line");
        }
    }

    /** The full usage line, e.g. {@code usage: /kick ROOM USER [reason]}. */
    public String usageLine() {
        return "usage: " + synopsis();
    }

    /** The command and its arguments, e.g. {@code /kick ROOM USER [reason]}. */
    public String synopsis() {
        return usage.isEmpty() ? name : name + " " + usage;
    }

    /** Does a command's work; writes its answer into {@code reply}, never to a stream. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<String> args, Reply reply) throws AdminException;
    }

    /** Completion candidates for argument {@code index} (0-based), given the arguments before it. */
    @FunctionalInterface
    public interface ArgCompleter {
        ArgCompleter NONE = (index, previous) -> List.of();

        List<String> candidates(int index, List<String> previous);
    }
}
