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
}
