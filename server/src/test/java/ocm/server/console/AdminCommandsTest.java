package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ocm.server.admin.BanView;
import ocm.server.admin.StatsView;
import org.junit.jupiter.api.Test;

class AdminCommandsTest {
    private final FakeServerAdmin admin = FakeServerAdmin.withLobby();
    private final CommandTable table = AdminCommands.table(admin);

    private List<String> run(String line) {
        return table.run(line).lines();
    }

    @Test
    void roomsIsAnAlignedTable() {
        assertEquals(List.of(
            "ROOM     HOST   MEMBERS  LOCKED  MESSAGES    AGE",
            "lobby    alice        3  no          1234  2h05m",
            "my room  carol        1  yes            7    42s"), run("/rooms"));
        assertEquals(List.of("rooms"), admin.calls);
    }

    @Test
    void roomsWhenThereAreNone() {
        admin.rooms = List.of();
        assertEquals(List.of("no rooms"), run("/rooms"));
    }

    @Test
    void usersOfAllRooms() {
        assertEquals(List.of(
            "USER   ROOM     ADDRESS          PROTO   IDLE  HOST",
            "alice  lobby    127.0.0.1:50001  v2        3s  host",
            "bob    lobby    127.0.0.1:50002  v1     1m15s",
            "dave   lobby    -                -         0s",
            "carol  my room  127.0.0.1:50003  v2     2h00m  host"), run("/users"));
        assertEquals(List.of("users"), admin.calls);
    }

    @Test
    void usersOfOneQuotedRoom() {
        assertEquals(List.of(
            "USER   ROOM     ADDRESS          PROTO   IDLE  HOST",
            "carol  my room  127.0.0.1:50003  v2     2h00m  host"), run("/users \"my room\""));
        assertEquals(List.of("users my room"), admin.calls);
    }

    @Test
    void usersOfAnEmptyRoom() {
        assertEquals(List.of("no members in void"), run("/users void"));
    }

    @Test
    void kickWithAReasonOfSeveralWords() {
        assertEquals(List.of("kicked bob from lobby"), run("/kick lobby bob flooding the room, twice"));
        assertEquals(List.of("kick lobby|bob|flooding the room, twice"), admin.calls);
    }

    @Test
    void kickWithoutAReasonPassesNone() {
        run("/kick lobby bob");
        assertEquals(List.of("kick lobby|bob|"), admin.calls);
    }

    @Test
    void kickInARoomWithSpacesAndANameWithAnApostrophe() {
        assertEquals(List.of("kicked o'neil from my room"), run("/kick 'my room' o'neil"));
        assertEquals(List.of("kick my room|o'neil|"), admin.calls);
    }

    @Test
    void banAndUnban() {
        assertEquals(List.of("banned bob from lobby"), run("/ban lobby bob spam"));
        assertEquals(List.of("unbanned bob in lobby"), run("/unban lobby bob"));
        assertEquals(List.of("ban lobby|bob|spam", "unban lobby|bob"), admin.calls);
    }

    @Test
    void unbanNamesTheBansThatStillCoverTheAddress() {
        admin.stillBanned = List.of(new BanView("lobby", "carol", Optional.of("127.0.0.1"), ""),
            new BanView("lobby", "dave", Optional.of("127.0.0.1"), "spam"));
        assertEquals(List.of("unbanned bob in lobby, but the address bob was banned with (127.0.0.1) is still banned by"
            + " the bans on carol, dave, so joining from it is still refused"), run("/unban lobby bob"));
    }

    @Test
    void banWithoutAReason() {
        run("/ban lobby bob");
        assertEquals(List.of("ban lobby|bob|"), admin.calls);
    }

    @Test
    void bansTable() {
        assertEquals(List.of(
            "USER     ADDRESS    REASON",
            "mallory  127.0.0.9  spam"), run("/bans lobby"));
        assertEquals(List.of("no bans in my room"), run("/bans \"my room\""));
        assertEquals(List.of("bans lobby", "bans my room"), admin.calls);
    }

    @Test
    void aBanWithoutAReasonShowsADash() {
        admin.bans = List.of(new BanView("lobby", "eve", Optional.empty(), ""));
        assertEquals(List.of("USER  ADDRESS  REASON", "eve   -        -"), run("/bans lobby"));
    }

    @Test
    void closeWithAndWithoutReason() {
        assertEquals(List.of("closed lobby"), run("/close lobby maintenance at noon"));
        assertEquals(List.of("closed lobby"), run("/close lobby"));
        assertEquals(List.of("close lobby|maintenance at noon", "close lobby|"), admin.calls);
    }

    @Test
    void sayToOneRoomKeepsTheMessageAsTyped() {
        assertEquals(List.of("announced to lobby"), run("/say lobby Back in  5 minutes, don't panic!"));
        assertEquals(List.of("say lobby|Back in  5 minutes, don't panic!"), admin.calls);
    }

    @Test
    void sayWithABlankMessageIsRefusedHere() {
        assertEquals(List.of("nothing to announce; usage: /say ROOM|* MESSAGE"), run("/say lobby \"  \""));
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void sayToAllRoomsCountsThem() {
        admin.sayReach = 2;
        assertEquals(List.of("announced to 2 rooms"), run("/say * restart at 10:00"));
        assertEquals(List.of("say *|restart at 10:00"), admin.calls);
    }

    @Test
    void aSingleQuotedMessageLosesItsQuotes() {
        run("/say lobby \"hello all\"");
        assertEquals(List.of("say lobby|hello all"), admin.calls);
    }

    @Test
    void statsShowsTotalsRatesDropsBytesAndHeap() {
        admin.stats = new StatsView(Duration.ofSeconds(3723), 2, 4, 1520, 9800, 4.2, 25.0, 14,
            Map.of("bad_token", 3L, "rate_limited", 10L, "garbage", 0L), 1536, 5L * 1024 * 1024, 48L << 20, 512L << 20);
        admin.logLinesDropped = 7;
        assertEquals(List.of(
            "STAT             VALUE",
            "uptime           1h02m",
            "rooms            2",
            "members          4",
            "messages         1520 (4.2/s last minute)",
            "deliveries       9800 (25.0/s last minute)",
            "retransmissions  14",
            "drops            13 (bad_token 3, rate_limited 10)",
            "log drops        7",
            "bytes            in 1.5 KiB, out 5.0 MiB",
            "heap             48.0 MiB of 512.0 MiB"), run("/stats"));
    }

    @Test
    void statsWithNoDrops() {
        assertTrue(run("/stats").contains("drops            0"));
    }

    @Test
    void saveSaysSo() {
        assertEquals(List.of("state saved"), run("/save"));
        assertEquals(List.of("save"), admin.calls);
    }

    @Test
    void quitAsksTheConsoleToShutDownButDoesNotItself() {
        Reply reply = table.run("/quit");
        assertTrue(reply.quitRequested());
        assertEquals(List.of("shutting down..."), reply.lines());
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void otherCommandsDoNotQuit() {
        assertFalse(table.run("/rooms").quitRequested());
    }

    @Test
    void anAdminExceptionIsOneLine() {
        admin.failure = "no room named 'nowhere'";
        assertEquals(List.of("no room named 'nowhere'"), run("/kick nowhere bob"));
        assertEquals(List.of("no room named 'nowhere'"), run("/users nowhere"));
        assertEquals(List.of("no room named 'nowhere'"), run("/save"));
    }

    @Test
    void aRelayThatDoesNotAnswerIsSaidNotShownAsNoRooms() {
        admin.failure = "the relay did not answer within 2 s";
        assertEquals(List.of("the relay did not answer within 2 s"), run("/rooms"));
        assertEquals(List.of("the relay did not answer within 2 s"), run("/stats"));
    }

    @Test
    void helpListsEveryCommandFromTheTable() {
        List<String> lines = run("/help");
        assertEquals(table.commands().size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("COMMAND"));
        for (Command c : table.commands()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(c.synopsis() + " ") && l.endsWith(c.help())),
                "help lists " + c.name());
        }
    }

    @Test
    void helpForOneCommandWithOrWithoutSlash() {
        List<String> expected = List.of("usage: /kick ROOM USER [reason]",
            "remove a member and tell it why (kicking the host closes the room)");
        assertEquals(expected, run("/help kick"));
        assertEquals(expected, run("/help /kick"));
        assertEquals(expected, run("/kick --help"));
    }

    @Test
    void nodesOnASingleNodeSaysItIsNoCluster() {
        assertEquals(List.of("this server is a single node, not part of a cluster (start nodes with --cluster redis://HOST:PORT)"),
                run("/nodes"));
    }

    @Test
    void helpForAnUnknownCommandSuggestsOnlyACloseMatch() {
        assertEquals(List.of("unknown command kik; did you mean /kick? (/help lists all)"), run("/help kik"));
        assertEquals(List.of("unknown command frob; type /help for the list of commands"), run("/help frob"));
        assertEquals(List.of("unknown command node; did you mean /nodes? (/help lists all)"), run("/help node"));
    }

    @Test
    void commandsMayBeTypedWithoutTheSlash() {
        assertEquals(List.of("state saved"), run("save"));
    }
}
