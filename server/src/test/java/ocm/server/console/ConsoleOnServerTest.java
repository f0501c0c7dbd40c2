package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.ChatServer;
import ocm.server.admin.UserView;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.ThreeMemberLobby;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin side on a live server, through the console's commands (which call {@code ServerAdmin}),
 * on a real {@link ChatServer} with real members: alice (host, v2), bob (v2) and
 * carol (v1, the seed's protocol) in "lobby". What the operator types must reach the members.
 */
class ConsoleOnServerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SERVER = "*server*";

    @TempDir
    Path dir;
    private ThreeMemberLobby lobby;
    private ChatServer server;
    private CommandTable console;
    private TcrpClient tcrp;
    private V2TestClient alice;
    private V2TestClient bob;
    private V1TestClient carol;

    @BeforeEach
    void start() throws Exception {
        lobby = ThreeMemberLobby.start(dir);
        server = lobby.server;
        console = AdminCommands.table(server.admin());
        tcrp = lobby.tcrp;
        alice = lobby.alice;
        bob = lobby.bob;
        carol = lobby.carol;
    }

    @AfterEach
    void stop() {
        lobby.close();
    }

    private String run(String line) {
        return console.run(line).text();
    }

    private void awaitUser(String room, String what, Predicate<UserView> p) throws Exception {
        lobby.awaitUser(room, what, p);
    }

    private static void awaitEvent(V2TestClient client, EventKind kind, String name, String text) throws Exception {
        client.await(kind + " " + name + " " + text, () -> client.events().stream()
            .anyMatch(e -> e.kind() == kind && e.name().equals(name) && e.text().equals(text)), WAIT);
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }

    @Test
    void roomsAndUsersDescribeTheLiveServer() {
        List<String> rooms = lines(run("/rooms"));
        assertEquals(2, rooms.size(), rooms.toString());
        assertTrue(rooms.get(1).matches("lobby +alice +3 +no +\\d+ +\\d+s"), rooms.get(1));

        List<String> users = lines(run("/users lobby"));
        assertEquals(4, users.size(), users.toString());
        assertTrue(users.get(1).matches("alice +lobby +127\\.0\\.0\\.1:\\d+ +v2 +\\d+s +host"), users.get(1));
        assertTrue(users.get(2).matches("bob +lobby +127\\.0\\.0\\.1:\\d+ +v2 +\\d+s"), users.get(2));
        assertTrue(users.get(3).matches("carol +lobby +127\\.0\\.0\\.1:\\d+ +v1 +\\d+s"), users.get(3));
        assertTrue(run("/users nowhere").contains("nowhere"));
    }

    @Test
    void kickIsSeenByTheKickedMemberAndByTheOthers() throws Exception {
        assertEquals("kicked carol from lobby\n", run("/kick lobby carol be nice"));
        carol.awaitChat(SERVER, "you were kicked: be nice", WAIT);
        carol.awaitRoomClosed(WAIT);
        awaitEvent(alice, EventKind.KICKED, "carol", "be nice");
        awaitEvent(bob, EventKind.KICKED, "carol", "be nice");

        assertEquals("kicked bob from lobby\n", run("/kick lobby bob"));
        bob.awaitEnded(WAIT);
        assertEquals(EndReason.KICKED, bob.ended().reason());
        awaitEvent(alice, EventKind.KICKED, "bob", "");
        assertEquals(List.of("alice"), server.admin().users(Optional.of("lobby")).stream().map(UserView::name).toList());
    }

    @Test
    void kickingSomeoneUnknownIsOneLineAndChangesNothing() throws Exception {
        String answer = run("/kick lobby nobody");
        assertEquals(1, lines(answer).size(), answer);
        assertTrue(answer.contains("nobody"), answer);
        assertEquals(3, server.admin().users(Optional.of("lobby")).size());
    }

    @Test
    void banRefusesARejoinUntilUnbanned() throws Exception {
        assertEquals("banned bob from lobby\n", run("/ban lobby bob spam"));
        bob.awaitEnded(WAIT);
        assertEquals(EndReason.BANNED, bob.ended().reason());
        assertEquals(ErrorCode.BANNED, tcrp.join("lobby", "bob").refusal().error());
        List<String> bans = lines(run("/bans lobby"));
        assertEquals(List.of("USER  ADDRESS    REASON", "bob   127.0.0.1  spam"), bans);

        assertEquals("unbanned bob in lobby\n", run("/unban lobby bob"));
        assertEquals("no bans in lobby\n", run("/bans lobby"));
        assertTrue(tcrp.join("lobby", "bob").ok());
    }

    @Test
    void aBanCoversTheAddressAndOutlivesARestart() throws Exception {
        assertEquals("banned bob from lobby\n", run("/ban lobby bob spam"));
        bob.awaitEnded(WAIT);
        // Same address, other name: refused too (everyone here is on loopback).
        assertEquals(ErrorCode.BANNED, tcrp.join("lobby", "bobby").refusal().error());
        assertEquals("state saved\n", run("/save"));
        server.close();
        try (ChatServer restarted = new ChatServer(ServerConfig.forTests().withDataDir(Optional.of(dir))).start()) {
            CommandTable again = AdminCommands.table(restarted.admin());
            TcrpClient rooms = new TcrpClient(restarted.tcpPort());
            assertEquals(List.of("USER  ADDRESS    REASON", "bob   127.0.0.1  spam"), lines(again.run("/bans lobby").text()));
            assertEquals(ErrorCode.BANNED, rooms.join("lobby", "bob").refusal().error());
            assertEquals("unbanned bob in lobby\n", again.run("/unban lobby bob").text());
            assertTrue(rooms.join("lobby", "bob").ok());
            assertEquals("'bob' is not banned in 'lobby'\n", again.run("/unban lobby bob").text());
        }
    }

    @Test
    void banAfterAKickRefusesTheKickedUsersRejoin() throws Exception {
        assertEquals("kicked bob from lobby\n", run("/kick lobby bob"));
        bob.awaitEnded(WAIT);
        assertEquals("banned bob from lobby (not in the room now)\n", run("/ban lobby bob spam"));
        // bob's last address is remembered from the kick, so the ban covers it too.
        assertEquals(List.of("USER  ADDRESS    REASON", "bob   127.0.0.1  spam"), lines(run("/bans lobby")));
        assertEquals(ErrorCode.BANNED, tcrp.join("lobby", "bob").refusal().error());
    }

    @Test
    void unbanSaysWhenAnotherBanStillCoversTheAddress() throws Exception {
        assertEquals("kicked carol from lobby\n", run("/kick lobby carol"));
        carol.awaitRoomClosed(WAIT);
        assertEquals("banned carol from lobby (not in the room now)\n", run("/ban lobby carol"));
        assertEquals("banned bob from lobby\n", run("/ban lobby bob spam"));
        bob.awaitEnded(WAIT);
        // /bans shows each ban's address, which is how the operator sees the overlap.
        assertEquals(List.of("USER   ADDRESS    REASON", "carol  127.0.0.1  -", "bob    127.0.0.1  spam"),
            lines(run("/bans lobby")));

        assertEquals("unbanned bob in lobby, but the address bob was banned with (127.0.0.1) is still banned by the ban"
            + " on carol, so joining from it is still refused\n", run("/unban lobby bob"));
        // The rule is unchanged: carol's ban still covers the address bob joins from.
        assertEquals(ErrorCode.BANNED, tcrp.join("lobby", "bob").refusal().error());

        assertEquals("unbanned carol in lobby\n", run("/unban lobby carol"));
        assertTrue(tcrp.join("lobby", "bob").ok());
    }

    @Test
    void banOfANameNeverSeenIsANameBan() throws Exception {
        assertEquals("banned mallory from lobby (not in the room now)\n", run("/ban lobby mallory"));
        List<String> bans = lines(run("/bans lobby"));
        assertEquals(2, bans.size(), bans.toString());
        assertTrue(bans.get(1).matches("mallory +- +-"), bans.get(1));
        assertEquals(ErrorCode.BANNED, tcrp.join("lobby", "mallory").refusal().error());
        // A name ban alone refuses nobody else from the same address.
        assertTrue(tcrp.join("lobby", "dave").ok());
        assertTrue(run("/ban lobby *bad*").contains("'*'"), "an impossible name is refused");
    }

    @Test
    void closeTellsEveryone() throws Exception {
        assertEquals("closed lobby\n", run("/close lobby maintenance"));
        alice.awaitEnded(WAIT);
        bob.awaitEnded(WAIT);
        assertEquals(EndReason.CLOSED_BY_ADMIN, alice.ended().reason());
        assertEquals("maintenance", bob.ended().message());
        carol.awaitChat(SERVER, "the room was closed by the server: maintenance", WAIT);
        carol.awaitRoomClosed(WAIT);
        assertEquals("no rooms\n", run("/rooms"));
    }

    @Test
    void sayReachesV1AndV2Members() throws Exception {
        assertEquals("announced to lobby\n", run("/say lobby restart at noon, don't panic!"));
        awaitEvent(alice, EventKind.NOTICE, "", "restart at noon, don't panic!");
        awaitEvent(bob, EventKind.NOTICE, "", "restart at noon, don't panic!");
        carol.awaitChat(SERVER, "restart at noon, don't panic!", WAIT);
    }

    @Test
    void whatIsTooLongToDeliverWholeIsRefusedInOneLineAndSendsNothing() throws Exception {
        assertEquals("message too long: 4000 bytes, an announcement can be at most 3600 bytes (UTF-8); nothing was sent\n",
            run("/say * " + "y".repeat(4000)));
        String reasonRefused = "reason too long: 1001 bytes, a reason can be at most 1000 bytes (UTF-8); nothing was done\n";
        assertEquals(reasonRefused, run("/kick lobby bob " + "x".repeat(1001)));
        assertEquals(reasonRefused, run("/ban lobby bob " + "x".repeat(1001)));
        assertEquals(reasonRefused, run("/close lobby " + "x".repeat(1001)));
        assertEquals("no bans in lobby\n", run("/bans lobby"));
        assertEquals(3, server.admin().users(Optional.of("lobby")).size());
        assertEquals("announced to lobby\n", run("/say lobby after"));
        carol.awaitChat(SERVER, "after", WAIT);
        awaitEvent(bob, EventKind.NOTICE, "", "after");
        assertEquals(1, bob.events().stream().filter(e -> e.kind() == EventKind.NOTICE).count(), bob.events().toString());
        assertTrue(carol.seen().stream().noneMatch(m -> m.toString().contains("yyy")), carol.seen().toString());
    }

    @Test
    void aReasonAtTheLimitIsDeliveredWhole() throws Exception {
        // Counted in UTF-8 bytes: 500 two-byte characters are 1000 bytes, the most a reason may be.
        String longest = "\u00e9".repeat(500);
        assertEquals("kicked bob from lobby\n", run("/kick lobby bob " + longest));
        bob.awaitEnded(WAIT);
        assertEquals(longest, bob.ended().message());
        carol.awaitChat(SERVER, "bob was kicked from the room: " + longest, WAIT);
    }

    @Test
    void sayToEveryRoomCountsThem() throws Exception {
        Admission dave = tcrp.create("my room", "dave").admission();
        try (V1TestClient d = new V1TestClient(server.udpPort(), "my room", dave.token())) {
            d.register();
            // The register datagram must be in before the announcement, or dave has no address to reach.
            awaitUser("my room", "dave registered over v1", u -> u.name().equals("dave") && u.protocol() == 1);
            assertEquals("announced to 2 rooms\n", run("/say * going down in 5"));
            d.awaitChat(SERVER, "going down in 5", WAIT);
            carol.awaitChat(SERVER, "going down in 5", WAIT);
        }
    }

    @Test
    void aRoomWithSpacesIsQuoted() throws Exception {
        tcrp.create("my room", "dave");
        assertTrue(run("/users \"my room\"").contains("dave"));
        assertEquals("closed my room\n", run("/close 'my room'"));
    }

    @Test
    void statsAndSave() throws Exception {
        alice.say("one");
        bob.await("one", () -> bob.messages().size() == 1, WAIT);
        carol.awaitChat("alice", "one", WAIT);
        String stats = run("/stats");
        assertTrue(stats.contains("\nrooms            1\n"), stats);
        assertTrue(stats.contains("\nmembers          3\n"), stats);
        assertTrue(stats.matches("(?s).*\nmessages +1 \\(.*"), stats);
        assertTrue(stats.matches("(?s).*\ndeliveries +([2-9]|\\d\\d+) \\(.*"), stats);
        assertEquals("state saved\n", run("/save"));
        // The data dir also holds the server's .lock, so look for the state file itself.
        assertTrue(Files.isRegularFile(dir.resolve(ocm.server.store.JsonRoomStore.FILE)), "no state file written");
    }

    @Test
    void completionAsksTheLiveServer() throws Exception {
        assertEquals(List.of("lobby"), console.complete(List.of("/kick", ""), 1));
        assertEquals(List.of("alice", "bob", "carol"), console.complete(List.of("/kick", "lobby", ""), 2));
        tcrp.create("games", "zed");
        assertEquals(Set.of("*", "lobby", "games"), Set.copyOf(console.complete(List.of("/say", ""), 1)));
    }

    @Test
    void theLineEditorCompletesLiveNamesAndCtrlDStopsTheServer() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AdminConsole editor = new AdminConsole(server.admin(), dir.resolve("console_history"),
            new ByteArrayInputStream("/kick lo\tca\t too loud\n\004".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8), AdminConsole.Mode.INTERACTIVE);
        editor.run();
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("kicked carol from lobby\n"), shown);
        carol.awaitChat(SERVER, "you were kicked: too loud", WAIT);
        assertTrue(server.isStopped());
        // Tab added a space after each completed name.
        assertTrue(Files.readString(dir.resolve("console_history")).contains("/kick lobby carol  too loud"));
    }

    @Test
    void quitFromAPipeStopsTheServerAndTellsTheMembers() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AdminConsole piped = new AdminConsole(server.admin(), dir.resolve("console_history"),
            new ByteArrayInputStream("/quit\n/rooms\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8), AdminConsole.Mode.PIPED);
        piped.run();
        assertTrue(server.isStopped());
        assertEquals("shutting down...\nserver stopped\n", bytes.toString(StandardCharsets.UTF_8));
        alice.await("shutdown notice", () -> alice.errors().stream()
            .anyMatch(e -> e.code() == ErrorCode.SERVER_SHUTTING_DOWN), WAIT);
        carol.awaitChat(SERVER, "the server is shutting down", WAIT);
    }

    @Test
    void endOfPipedInputLeavesTheServerRunning() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new AdminConsole(server.admin(), null, new ByteArrayInputStream("/rooms\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8), AdminConsole.Mode.PIPED).run();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("ROOM "));
        assertFalse(server.isStopped());
        assertEquals(1, tcrp.list().rooms().size());
    }
}
