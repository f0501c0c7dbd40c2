package ocm.client.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.client.command.CommandTable.CommandException;
import org.junit.jupiter.api.Test;

class CommandTableTest {
    /** Records what the commands asked for. */
    static final class Recorder implements ChatActions {
        final List<String> calls = new ArrayList<>();

        public void join(String room, Optional<String> password) {
            calls.add("join " + room + " " + password.orElse("-"));
        }

        public void create(String room, Optional<String> password) {
            calls.add("create " + room + " " + password.orElse("-"));
        }

        public void leave() {
            calls.add("leave");
        }

        public void members() {
            calls.add("members");
        }

        public void action(String text) {
            calls.add("me " + text);
        }

        public void quit() {
            calls.add("quit");
        }

        public void help() {
            calls.add("help");
        }

        public void kick(String user, String reason) {
            calls.add("kick " + user + " [" + reason + "]");
        }

        public void close(String reason) {
            calls.add("close [" + reason + "]");
        }

        public void listRooms() {
            calls.add("rooms");
        }
    }

    private final CommandTable<ChatActions> table = SlashCommands.table();
    private final Recorder r = new Recorder();

    @Test
    void commandsReachTheirHandlersWithArguments() throws Exception {
        table.run("/join lobby", r, false);
        table.run("/create den s3cret", r, false);
        table.run("/me waves  at   everyone", r, false);
        table.run("/kick bob too loud", r, true);
        table.run("/close", r, true);
        table.run("/QUIT", r, false);
        assertEquals(List.of("join lobby -", "create den s3cret", "me waves  at   everyone", "kick bob [too loud]",
                "close []", "quit"), r.calls);
    }

    @Test
    void namesWithSpacesAreTypedInDoubleQuotes() throws Exception {
        table.run("/join \"General 日本\"", r, false);
        table.run("/join \"my \\\"den\\\"\"", r, false);
        table.run("/create \"my den\" \"pass word\"", r, false);
        table.run("/kick \"bob smith\" too \"loud", r, true);
        table.run("/me says \"hi", r, false);
        assertEquals(List.of("join General 日本 -", "join my \"den\" -", "create my den pass word", "kick bob smith [too \"loud]", "me says \"hi"), r.calls);
    }

    @Test
    void anUnclosedQuoteIsAnErrorAndNothingRuns() {
        CommandException e = assertThrows(CommandException.class, () -> table.run("/join \"General 日本", r, false));
        assertTrue(e.getMessage().contains("unclosed quote"), e.getMessage());
        assertTrue(r.calls.isEmpty());
    }

    @Test
    void aNameWithSpacesTypedWithoutQuotesIsNotTakenAsAPassword() {
        CommandException e = assertThrows(CommandException.class, () -> table.run("/join General 日本 x", r, false));
        assertTrue(e.getMessage().contains("too many arguments") && e.getMessage().contains("\"my room\""),
                e.getMessage());
        assertTrue(r.calls.isEmpty());
    }

    @Test
    void missingArgumentsGiveTheUsage() {
        CommandException e = assertThrows(CommandException.class, () -> table.run("/join", r, false));
        assertEquals("usage: /join ROOM [PASSWORD]", e.getMessage());
        assertTrue(r.calls.isEmpty());
    }

    @Test
    void hostOnlyCommandsAreRefusedToOthers() {
        CommandException e = assertThrows(CommandException.class, () -> table.run("/kick bob", r, false));
        assertTrue(e.getMessage().contains("host only"));
        assertTrue(r.calls.isEmpty());
    }

    @Test
    void unknownCommandSaysSo() {
        CommandException e = assertThrows(CommandException.class, () -> table.run("/frobnicate", r, false));
        assertTrue(e.getMessage().contains("unknown command /frobnicate"));
    }

    @Test
    void helpAndCompletionComeFromTheTable() {
        assertEquals(List.of("/join"), table.completeName("/jo"));
        assertEquals(CommandTable.Completion.MEMBER, table.argumentCompletion("/kick"));
        assertEquals(CommandTable.Completion.ROOM, table.argumentCompletion("/join"));
        List<String> help = table.help();
        assertEquals(table.commands().size(), help.size());
        assertTrue(help.stream().anyMatch(h -> h.startsWith("/kick USER [REASON]") && h.endsWith("(host)")));
    }

    @Test
    void doubleSlashIsNotACommand() {
        assertTrue(CommandTable.isCommand("/help"));
        assertTrue(!CommandTable.isCommand("//not a command"));
    }

    @Test
    void anUnknownCommandSuggestsOnlyACloseMatch() {
        CommandException e = assertThrows(CommandException.class, () -> table.run("/jion lobby", r, false));
        assertEquals("unknown command /jion; did you mean /join? (/help lists all)", e.getMessage());
        e = assertThrows(CommandException.class, () -> table.run("/lea", r, false));
        assertEquals("unknown command /lea; did you mean /leave? (/help lists all)", e.getMessage());
        e = assertThrows(CommandException.class, () -> table.run("/frobnicate", r, false));
        assertEquals("unknown command /frobnicate (/help lists all)", e.getMessage());
        assertTrue(r.calls.isEmpty());
    }

    @Test
    void aCommandThatTakesNothingRefusesAWordAfterItButQuitTakesAMessage() throws Exception {
        CommandException e = assertThrows(CommandException.class, () -> table.run("/leave now", r, false));
        assertEquals("/leave takes nothing after it (usage: /leave)", e.getMessage());
        assertThrows(CommandException.class, () -> table.run("/members all", r, false));
        assertTrue(r.calls.isEmpty());
        table.run("/quit see you", r, false);
        assertEquals(List.of("quit"), r.calls);
    }

    @Test
    void aCommandTypedWholeCompletesToItselfNotALongerOne() {
        assertEquals(List.of("/me"), table.completeName("/me"));
        assertEquals(List.of("/members", "/me"), table.completeName("/m"));
    }

    @Test
    void theFullScreenOnlyCommandsSayWhereTheyWorkInPlainMode() {
        CommandException e = assertThrows(CommandException.class, () -> table.run("/search x", r, false));
        assertEquals("/search works in the full-screen client only", e.getMessage());
    }
}
