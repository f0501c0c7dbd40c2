package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {
    private final FakeServerAdmin admin = FakeServerAdmin.withLobby();
    private final CommandTable table = AdminCommands.table(admin);

    private List<String> run(String line) {
        return table.run(line).lines();
    }

    @Test
    void anEmptyLineAnswersNothing() {
        assertEquals(List.of(), run("   "));
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void unknownCommandNamesItAndTheClosest() {
        assertEquals(List.of("unknown command /romos; did you mean /rooms? (/help lists all)"), run("/romos"));
        assertEquals(List.of("unknown command /kik; did you mean /kick? (/help lists all)"), run("/kik lobby bob"));
        assertEquals(List.of("unknown command /stat; did you mean /stats? (/help lists all)"), run("/stat"));
        assertEquals(List.of("unknown command /UNBAN; did you mean /unban? (/help lists all)"), run("/UNBAN"));
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void aCommandThatOnlyStartsTheSameIsSuggested() {
        assertEquals(List.of("unknown command /q; did you mean /quit? (/help lists all)"), run("/q"));
        assertEquals(List.of("unknown command /un; did you mean /unban? (/help lists all)"), run("/un lobby bob"));
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void anUnrelatedWordGetsNoSuggestion() {
        for (String word : List.of("/frob", "/zzz", "/ab", "/x", "/shutdown", "/banana")) {
            assertEquals(List.of("unknown command " + word + "; type /help for the list of commands"), run(word), word);
        }
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void tooFewArgumentsPrintTheUsageAndCallNothing() {
        assertEquals(List.of("usage: /kick ROOM USER [reason]"), run("/kick lobby"));
        assertEquals(List.of("usage: /say ROOM|* MESSAGE"), run("/say lobby"));
        assertEquals(List.of("usage: /bans ROOM"), run("/bans"));
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void tooManyArgumentsPrintTheUsageAndCallNothing() {
        assertEquals(List.of("usage: /rooms"), run("/rooms now"));
        assertEquals(List.of("usage: /unban ROOM USER"), run("/unban lobby bob carol"));
        assertEquals(List.of("usage: /users [ROOM]"), run("/users a b"));
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void anUnclosedQuoteIsExplainedWithTheUsage() {
        assertEquals(List.of("unclosed \" in: \"my room bob", "usage: /kick ROOM USER [reason]"),
            run("/kick \"my room bob"));
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void aBugInTheServerBecomesOneLine() {
        CommandTable broken = new CommandTable().register(new Command("/boom", "", "fails", 0, 0, false,
            (args, reply) -> {
                throw new IllegalStateException("relay gone");
            }, Command.ArgCompleter.NONE));
        assertEquals(List.of("/boom failed: java.lang.IllegalStateException: relay gone"), broken.run("/boom").lines());
    }

    @Test
    void aCommandCannotBeDeclaredTwiceOrBadly() {
        Command quit = table.find("/quit").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> table.register(quit));
        assertThrows(IllegalArgumentException.class, () -> new Command("kick", "", "", 0, 0, false,
            (a, r) -> { }, Command.ArgCompleter.NONE));
        assertThrows(IllegalArgumentException.class, () -> new Command("/x", "", "", 2, 1, false,
            (a, r) -> { }, Command.ArgCompleter.NONE));
    }

    @Test
    void editDistance() {
        assertEquals(0, EditDistance.between("rooms", "rooms"));
        assertEquals(2, EditDistance.between("romos", "rooms"));
        assertEquals(3, EditDistance.between("", "ban"));
        assertEquals(3, EditDistance.between("kitten", "sitting"));
    }
}
