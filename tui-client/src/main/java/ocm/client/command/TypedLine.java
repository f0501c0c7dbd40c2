package ocm.client.command;

import ocm.protocol.Limits;
import ocm.protocol.Utf8;

/**
 * What a line typed in a room means, the same for the full screen and plain mode: nothing (blank),
 * a slash command, or chat text, where a leading "//" sends a line that starts with "/".
 */
public record TypedLine(Kind kind, String text) {
    /** The three things a typed line can be. */
    public enum Kind {
        NOTHING,
        COMMAND,
        CHAT
    }

    public static TypedLine of(String line) {
        if (line.isBlank()) {
            return new TypedLine(Kind.NOTHING, "");
        }
        if (CommandTable.isCommand(line)) {
            return new TypedLine(Kind.COMMAND, line);
        }
        return new TypedLine(Kind.CHAT, line.startsWith("//") ? line.substring(1) : line);
    }

    /** The command's name, lower case ("/QUIT now" gives "quit"); empty for anything but a command. */
    public String commandName() {
        if (kind != Kind.COMMAND) {
            return "";
        }
        String body = text.substring(1);
        int sp = body.indexOf(' ');
        return (sp < 0 ? body : body.substring(0, sp)).toLowerCase();
    }

    /** Refuses chat text over the datagram's limit, before anything is sent. */
    public static void checkSize(String text) throws CommandTable.CommandException {
        java.util.Optional<String> problem = sizeProblem(text);
        if (problem.isPresent()) {
            throw new CommandTable.CommandException(problem.get());
        }
    }

    /** What is wrong with chat text over the limit, with how much too long it is; empty when it fits. */
    public static java.util.Optional<String> sizeProblem(String text) {
        int bytes = Utf8.encode(text).length;
        if (bytes <= Limits.MAX_TEXT_BYTES) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("message is " + bytes + " bytes, " + (bytes - Limits.MAX_TEXT_BYTES)
                + " over the limit of " + Limits.MAX_TEXT_BYTES + " - not sent");
    }

    /** The text a line would send: chat text, or an action's ({@code /me ...}); empty for anything else. */
    public java.util.Optional<String> outgoingText() {
        if (kind == Kind.CHAT) {
            return java.util.Optional.of(text);
        }
        if (commandName().equals("me") && text.length() > 4) {
            return java.util.Optional.of(text.substring(4));
        }
        return java.util.Optional.empty();
    }
}
