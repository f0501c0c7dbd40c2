package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.server.admin.AdminException;
import ocm.server.admin.BanView;
import ocm.server.admin.RoomView;
import ocm.server.admin.ServerAdmin;
import ocm.server.admin.StatsView;
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

/** ServerAdmin on a live server with real members connected. */
class AdminTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private ThreeMemberLobby lobby;
    private ChatServer server;
    private ServerAdmin admin;
    private TcrpClient tcrp;
    private V2TestClient alice;
    private V2TestClient bob;
    private V1TestClient carol;

    @BeforeEach
    void start() throws Exception {
        lobby = ThreeMemberLobby.start(dir);
        server = lobby.server;
        admin = server.admin();
        tcrp = lobby.tcrp;
        alice = lobby.alice;
        bob = lobby.bob;
        carol = lobby.carol;
    }

    @AfterEach
    void stop() {
        lobby.close();
    }

    @Test
    void roomsAndUsersDescribeTheServer() throws Exception {
        List<RoomView> rooms = admin.rooms();
        assertEquals(1, rooms.size());
        assertEquals("lobby", rooms.get(0).name());
        assertEquals("alice", rooms.get(0).host());
        assertEquals(3, rooms.get(0).members());
        List<UserView> users = admin.users(Optional.empty());
        assertEquals(List.of("alice", "bob", "carol"), users.stream().map(UserView::name).toList());
        assertTrue(users.get(0).host());
        assertEquals(2, users.get(0).protocol());
        assertEquals(1, users.get(2).protocol());
        assertTrue(users.get(2).address().orElseThrow().startsWith("127.0.0.1:"));
        AdminException e = assertThrows(AdminException.class, () -> admin.users(Optional.of("nowhere")));
        assertTrue(e.getMessage().contains("nowhere"));
    }

    @Test
    void kickTellsTheMemberAndTheRoom() throws Exception {
        admin.kick("lobby", "carol", "be nice");
        carol.awaitChat("*server*", "you were kicked: be nice", WAIT);
        carol.awaitRoomClosed(WAIT);
        alice.await("kick event", () -> alice.events().stream().anyMatch(ev -> ev.kind() == EventKind.KICKED && ev.name().equals("carol")), WAIT);
        admin.kick("lobby", "bob", "");
        bob.awaitEnded(WAIT);
        assertEquals(EndReason.KICKED, bob.ended().reason());
        assertEquals(1, admin.rooms().get(0).members());
        assertThrows(AdminException.class, () -> admin.kick("lobby", "nobody", ""));
    }

    @Test
    void kickingTheHostClosesTheRoom() throws Exception {
        admin.kick("lobby", "alice", "");
        bob.awaitEnded(WAIT);
        assertEquals(EndReason.CLOSED_BY_ADMIN, bob.ended().reason());
        carol.awaitRoomClosed(WAIT);
        assertTrue(admin.rooms().isEmpty());
    }

    @Test
    void banRefusesNameAndAddressAndPersists() throws Exception {
        admin.ban("lobby", "bob", "spam");
        bob.awaitEnded(WAIT);
        assertEquals(EndReason.BANNED, bob.ended().reason());
        List<BanView> bans = admin.bans("lobby");
        assertEquals(1, bans.size());
        assertEquals("bob", bans.get(0).name());
        assertEquals(Optional.of("127.0.0.1"), bans.get(0).address());
        assertEquals(ErrorCode.BANNED, tcrp.join("lobby", "bob").refusal().error());
        // Same address, other name: refused too (everyone here is on loopback).
        assertEquals(ErrorCode.BANNED, tcrp.join("lobby", "bobby").refusal().error());
        admin.save();
        server.close();
        try (ChatServer restarted = new ChatServer(ServerConfig.forTests().withDataDir(Optional.of(dir))).start()) {
            ServerAdmin again = restarted.admin();
            TcrpClient rooms = new TcrpClient(restarted.tcpPort());
            assertEquals(1, again.bans("lobby").size());
            assertEquals(ErrorCode.BANNED, rooms.join("lobby", "bob").refusal().error());
            again.unban("lobby", "bob");
            assertTrue(again.bans("lobby").isEmpty());
            assertTrue(rooms.join("lobby", "bob").ok());
            assertThrows(AdminException.class, () -> again.unban("lobby", "bob"));
        }
    }

    @Test
    void aReasonTooLongToDeliverWholeIsRefusedAndChangesNothing() throws Exception {
        String tooLong = "x".repeat(100_000);
        for (ThrowingCall call : List.<ThrowingCall>of(() -> admin.kick("lobby", "bob", tooLong),
                () -> admin.ban("lobby", "bob", tooLong), () -> admin.close("lobby", tooLong))) {
            AdminException e = assertThrows(AdminException.class, call::run);
            assertEquals("reason too long: 100000 bytes, a reason can be at most 1000 bytes (UTF-8); nothing was done",
                    e.getMessage());
        }
        assertEquals(3, admin.rooms().get(0).members());
        assertTrue(admin.bans("lobby").isEmpty());
        // At the limit (counted in UTF-8 bytes: 500 two-byte characters) it is delivered whole.
        String longest = "\u00e9".repeat(500);
        admin.kick("lobby", "bob", longest);
        bob.awaitEnded(WAIT);
        assertEquals(longest, bob.ended().message());
    }

    @Test
    void anAnnouncementTooLongToDeliverWholeIsRefusedAndSendsNothing() throws Exception {
        AdminException e = assertThrows(AdminException.class, () -> admin.say("*", "y".repeat(3601)));
        assertEquals("message too long: 3601 bytes, an announcement can be at most 3600 bytes (UTF-8); nothing was sent",
                e.getMessage());
        assertThrows(AdminException.class, () -> admin.say("lobby", "\u00e9".repeat(1801)));
        // The longest allowed arrives whole, and it is the first announcement anyone sees.
        String longest = "z".repeat(3600);
        assertEquals(1, admin.say("lobby", longest));
        carol.awaitChat("*server*", longest, WAIT);
        bob.await("notice", () -> bob.events().stream().anyMatch(ev -> ev.kind() == EventKind.NOTICE), WAIT);
        assertEquals(List.of(longest), bob.events().stream().filter(ev -> ev.kind() == EventKind.NOTICE)
                .map(ev -> ev.text()).toList());
        assertTrue(carol.seen().stream().noneMatch(m -> m instanceof ocm.protocol.ucrp.v1.V1ServerMessage.Chat c
                && c.text().startsWith("y")), carol.seen().toString());
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void closeTellsEveryone() throws Exception {
        admin.close("lobby", "maintenance");
        alice.awaitEnded(WAIT);
        bob.awaitEnded(WAIT);
        assertEquals(EndReason.CLOSED_BY_ADMIN, alice.ended().reason());
        assertEquals("maintenance", bob.ended().message());
        carol.awaitChat("*server*", "the room was closed by the server: maintenance", WAIT);
        carol.awaitRoomClosed(WAIT);
        assertTrue(admin.rooms().isEmpty());
        assertThrows(AdminException.class, () -> admin.close("lobby", ""));
    }

    @Test
    void sayReachesV1AndV2Members() throws Exception {
        assertEquals(1, admin.say("lobby", "hello all"));
        carol.awaitChat("*server*", "hello all", WAIT);
        bob.await("notice", () -> bob.events().stream().anyMatch(e -> e.kind() == EventKind.NOTICE && e.text().equals("hello all")), WAIT);
        tcrp.create("other", "dave");
        assertEquals(2, admin.say("*", "to every room"));
        alice.await("notice", () -> alice.events().stream().anyMatch(e -> e.text().equals("to every room")), WAIT);
        assertThrows(AdminException.class, () -> admin.say("nowhere", "x"));
    }

    @Test
    void statsCountMessagesAndDeliveries() throws Exception {
        alice.say("one");
        bob.await("one", () -> bob.messages().size() == 1, WAIT);
        carol.awaitChat("alice", "one", WAIT);
        StatsView s = admin.stats();
        assertEquals(1, s.rooms());
        assertEquals(3, s.members());
        assertEquals(1, s.messagesIn());
        assertTrue(s.deliveries() >= 2, "deliveries " + s.deliveries());
        assertTrue(s.bytesIn() > 0 && s.bytesOut() > 0);
        assertTrue(s.heapUsedBytes() > 0);
    }

    @Test
    void shutdownStopsTheServerAndReleasesItsWaiter() throws Exception {
        Thread t = new Thread(admin::shutdown);
        t.start();
        assertTrue(server.awaitTermination(WAIT));
        t.join(WAIT.toMillis());
        bob.await("shutting down", () -> bob.errors().stream().anyMatch(e -> e.code() == ErrorCode.SERVER_SHUTTING_DOWN), WAIT);
    }
}
