package ocm.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import ocm.client.net.NetEvent;
import ocm.protocol.tcrp.RoomListing.RoomSummary;
import ocm.protocol.ucrp.v2.Packet;
import org.junit.jupiter.api.Test;

/** Room and user names with spaces in slash commands: typed in double quotes, completed with them. */
class QuotedNamesScreenTest extends ScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(100, 30);

    @Test
    void joinTakesAQuotedRoomNameWithSpaces() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.line("/join \"General 日本\"");
        ui.await("you joined General 日本");
        assertEquals("General 日本", fake.entered.get(1).room());
        assertTrue(fake.entered.get(1).password().isEmpty());
    }

    @Test
    void aKnownNameWithASpaceTypedWithoutQuotesGetsAHintNotAJoin() throws Exception {
        fake.rooms.add(new RoomSummary("General 日本", "bob", 2, false));
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE); // the connect listed the rooms
        ui.line("/join General 日本");
        ui.await("no room named General; for General 日本 put the name in");
        ui.await("quotes: /join \"General 日本\"");
        assertEquals(1, fake.entered.size()); // only the starting join
    }

    @Test
    void anUnclosedQuoteIsAnErrorLineAndNothingIsAsked() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.line("/join \"General 日本");
        ui.await("unclosed quote");
        assertEquals(1, fake.entered.size()); // only the starting join
    }

    @Test
    void tabCompletesARoomNameWithSpacesInQuotes() throws Exception {
        fake.rooms.add(new RoomSummary("General 日本", "bob", 2, false));
        fake.rooms.add(new RoomSummary("lobby", "bob", 2, false));
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.key(KeyType.F2); // the lobby learns the server's rooms
        ui.await("General 日本");
        ui.key(KeyType.Escape);
        ui.await("lobby >");
        ui.type("/join Gen");
        ui.key(KeyType.Tab);
        ui.await("lobby > /join \"General 日本\" ");
        ui.key(KeyType.Enter);
        ui.await("you joined General 日本");
        assertEquals("General 日本", fake.entered.get(1).room());
    }

    @Test
    void tabCompletesAQuotedNameAlreadyBegun() throws Exception {
        fake.rooms.add(new RoomSummary("General 日本", "bob", 2, false));
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.key(KeyType.F2);
        ui.await("General 日本");
        ui.key(KeyType.Escape);
        ui.await("lobby >");
        ui.type("/join \"General 日");
        ui.key(KeyType.Tab);
        ui.await("lobby > /join \"General 日本\" ");
    }

    @Test
    void kickCompletesAndTakesAMemberNameWithASpace() throws Exception {
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.line("/create den");
        ui.await("you created den");
        fake.emit(new NetEvent.Members("den", List.of(new Packet.Member("alice", true, false),
                new Packet.Member("bob smith", false, false))));
        ui.await("bob smith");
        ui.type("/kick bo");
        ui.key(KeyType.Tab);
        ui.await("den > /kick \"bob smith\" ");
        ui.line("spamming");
        ui.awaitCondition(() -> fake.calls.contains("kick den bob smith"), "the kick of 'bob smith' sent");
    }

    @Test
    void anUnquotedNameWithASpaceInCreateOrKickGetsAHintNotAnAction() throws Exception {
        fake.rooms.add(new RoomSummary("General 日本", "bob", 2, false));
        ui = UiHarness.chatIn(fake, "lobby", dir, SIZE);
        ui.line("/create General 日本");
        ui.await("there is a room named General 日本; to join it: /join");
        ui.await("\"General 日本\" (a new name with spaces goes in quotes too)");
        assertEquals(1, fake.entered.size(), "no room General with password 日本");
        ui.line("/create den");
        ui.await("you created den");
        fake.emit(new NetEvent.Members("den", List.of(new Packet.Member("alice", true, false),
                new Packet.Member("bob smith", false, false))));
        ui.await("bob smith");
        ui.line("/kick bob smith spamming");
        ui.await("for bob smith put the name in");
        assertTrue(fake.calls.stream().noneMatch(c -> c.startsWith("kick")), fake.calls.toString());
    }
}
