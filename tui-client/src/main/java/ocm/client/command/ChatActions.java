package ocm.client.command;

import java.util.Optional;
import ocm.client.command.CommandTable.CommandException;

/** What the slash commands can do; the full-screen chat and plain mode each implement it. */
public interface ChatActions {
    void join(String room, Optional<String> password) throws CommandException;

    void create(String room, Optional<String> password) throws CommandException;

    void leave() throws CommandException;

    void members() throws CommandException;

    void action(String text) throws CommandException;

    void quit();

    void help();

    void kick(String user, String reason) throws CommandException;

    void close(String reason) throws CommandException;

    /** Shows who owns a name (its key fingerprints). */
    default void whois(String user) throws CommandException {
        throw new CommandException("/whois is not available here");
    }

    /** Shows the room list (lobby); plain mode prints it. */
    void listRooms() throws CommandException;

    // The comforts below belong to the full screen; plain mode leaves them to grep and its terminal.

    /** Marks the lines containing {@code text} and jumps between them. */
    default void search(String text) throws CommandException {
        throw fullScreenOnly("search");
    }

    /** Prints the lines containing {@code text} as one block. */
    default void lastlog(String text) throws CommandException {
        throw fullScreenOnly("lastlog");
    }

    /** Shows or sets this room's notification level. */
    default void notifyLevel(Optional<String> level) throws CommandException {
        throw fullScreenOnly("notify");
    }

    /** Lists the ignored names, or hides a person's lines. */
    default void ignore(Optional<String> name) throws CommandException {
        throw fullScreenOnly("ignore");
    }

    default void unignore(String name) throws CommandException {
        throw fullScreenOnly("unignore");
    }

    /** Shows the settings, one setting, or sets one. */
    default void set(Optional<String> name, Optional<String> value) throws CommandException {
        throw fullScreenOnly("set");
    }

    /** The link's figures: state, round-trip time, messages not yet acknowledged. */
    default void stats() throws CommandException {
        throw fullScreenOnly("stats");
    }

    private static CommandException fullScreenOnly(String name) {
        return new CommandException("/" + name + " works in the full-screen client only");
    }
}
