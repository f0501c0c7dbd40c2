package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import ocm.server.admin.RoomView;
import ocm.server.admin.UserView;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class ConsoleCompleterTest {
    private final FakeServerAdmin admin = FakeServerAdmin.withLobby();
    private final ConsoleCompleter completer = new ConsoleCompleter(AdminCommands.table(admin));

    /** The candidates JLine would be offered with the cursor at the end of {@code line}. */
    private List<String> candidates(String line) {
        List<Candidate> found = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), found);
        return found.stream().map(Candidate::value).toList();
    }

    @Test
    void firstWordCompletesToEveryCommand() {
        List<String> all = List.of("/help", "/rooms", "/users", "/kick", "/ban", "/unban", "/bans", "/close", "/say",
            "/stats", "/nodes", "/fingerprint", "/save", "/quit");
        assertEquals(all, candidates(""));
        assertEquals(all, candidates("/ro"));
    }

    @Test
    void roomArgumentsCompleteToLiveRoomNames() {
        assertEquals(List.of("lobby", "my room"), candidates("/kick "));
        assertEquals(List.of("lobby", "my room"), candidates("/users lo"));
        assertEquals(List.of("lobby", "my room"), candidates("/close "));
        assertEquals(List.of("lobby", "my room"), candidates("/bans "));
    }

    @Test
    void roomNamesAreAskedForEachTime() {
        assertEquals(List.of("lobby", "my room"), candidates("/kick "));
        admin.rooms = List.of(new RoomView("games", "zed", 1, false, 0, Duration.ZERO));
        assertEquals(List.of("games"), candidates("/kick "));
    }

    @Test
    void sayAlsoOffersEveryRoom() {
        assertEquals(List.of("*", "lobby", "my room"), candidates("/say "));
    }

    @Test
    void userArgumentCompletesToMembersOfTheRoomTyped() {
        assertEquals(List.of("alice", "bob", "dave"), candidates("/kick lobby "));
        assertEquals(List.of("alice", "bob", "dave"), candidates("/ban lobby b"));
        assertEquals(List.of("carol"), candidates("/kick \"my room\" "));
        assertEquals(List.of("carol"), candidates("/kick my\\ room "));
    }

    @Test
    void unbanCompletesToBannedNames() {
        assertEquals(List.of("mallory"), candidates("/unban lobby "));
    }

    @Test
    void helpCompletesToCommandNames() {
        assertEquals(14, candidates("/help ").size());
    }

    @Test
    void freeTextAndExtraArgumentsCompleteToNothing() {
        assertEquals(List.of(), candidates("/kick lobby bob "));
        assertEquals(List.of(), candidates("/say lobby "));
        assertEquals(List.of(), candidates("/rooms "));
        assertEquals(List.of(), candidates("/nosuch "));
    }

    @Test
    void anUnknownRoomCompletesNoUsers() {
        admin.failure = "no room named 'x'";
        assertEquals(List.of(), candidates("/kick x "));
    }

    @Test
    void usersCompletionUsesTheRoomNotAllMembers() {
        admin.users = List.of(new UserView("solo", "games", Optional.empty(), 1, Duration.ZERO, true));
        assertEquals(List.of(), candidates("/kick lobby "));
    }
}
