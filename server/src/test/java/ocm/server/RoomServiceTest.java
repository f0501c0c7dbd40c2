package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.Refusal;
import ocm.protocol.tcrp.RoomListing;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TCP room service: create, join, list and the rules about names, passwords and tokens. */
class RoomServiceTest {
    private ChatServer server;
    private TcrpClient tcrp;

    @BeforeEach
    void start() throws Exception {
        server = new ChatServer(ServerConfig.forTests()).start();
        tcrp = new TcrpClient(server.tcpPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createJoinAndListRooms() throws Exception {
        Admission host = tcrp.create("lobby", "alice").admission();
        assertTrue(host.host());
        assertTrue(host.token().matches("token_[0-9a-f]{32}"), host.token());
        Admission bob = tcrp.join("lobby", "bob").admission();
        assertFalse(bob.host());
        assertEquals("alice", bob.hostName());
        assertEquals(List.of("alice", "bob"), bob.members());
        assertNotEquals(host.token(), bob.token());
        RoomListing list = tcrp.list();
        assertEquals(List.of(new RoomListing.RoomSummary("lobby", "alice", 2, false)), list.rooms());
    }

    @Test
    void nameTakenIsRefusedAndNeverHandsOutTheSameToken() throws Exception {
        Admission alice = tcrp.create("lobby", "alice").admission();
        TcrpClient.Answer again = tcrp.join("lobby", "alice");
        assertFalse(again.compliance().success());
        assertEquals(ErrorCode.NAME_TAKEN, again.refusal().error());
        assertTrue(again.refusal().message().contains("taken"));
        assertFalse(again.ok());
        assertNotEquals(alice.token(), "");
    }

    @Test
    void creatingAnExistingRoomIsRefused() throws Exception {
        tcrp.create("lobby", "alice");
        assertEquals(ErrorCode.ROOM_EXISTS, tcrp.create("lobby", "bob").refusal().error());
    }

    @Test
    void joiningAMissingRoomIsRefused() throws Exception {
        assertEquals(ErrorCode.NO_SUCH_ROOM, tcrp.join("nowhere", "bob").refusal().error());
    }

    @Test
    void wrongPasswordIsRefusedAndTheRightOneAdmits() throws Exception {
        Admission a = tcrp.create("secret", "alice", Optional.of("hunter2"), 2).admission();
        assertTrue(a.locked());
        Refusal wrong = tcrp.join("secret", "bob", Optional.of("nope"), 2).refusal();
        assertEquals(ErrorCode.WRONG_PASSWORD, wrong.error());
        assertEquals("wrong password for room 'secret'", wrong.message());
        assertTrue(tcrp.join("secret", "bob", Optional.of("hunter2"), 2).ok());
        assertTrue(tcrp.list().rooms().get(0).locked());
    }

    @Test
    void joiningALockedRoomWithoutAPasswordSaysOneIsNeeded() throws Exception {
        tcrp.create("secret", "alice", Optional.of("hunter2"), 2);
        // No password field at all, and an empty one: the same code as a wrong password, which clients handle.
        for (Optional<String> none : List.of(Optional.<String>empty(), Optional.of(""))) {
            Refusal refusal = tcrp.join("secret", "bob", none, 2).refusal();
            assertEquals(ErrorCode.WRONG_PASSWORD, refusal.error());
            assertEquals("room 'secret' needs a password", refusal.message());
        }
    }

    @Test
    void roomNamesAreCaseSensitive() throws Exception {
        tcrp.create("Lobby", "alice");
        assertTrue(tcrp.create("lobby", "bob").ok());
        assertEquals(ErrorCode.NO_SUCH_ROOM, tcrp.join("LOBBY", "carol").refusal().error());
        assertEquals(2, tcrp.list().rooms().size());
    }

    @Test
    void invalidNamesAreRefused() throws Exception {
        assertEquals(ErrorCode.INVALID_USER_NAME, tcrp.create("lobby", "*server*").refusal().error());
        assertEquals(ErrorCode.INVALID_USER_NAME, tcrp.create("lobby", "a".repeat(33)).refusal().error());
        assertEquals(ErrorCode.INVALID_ROOM_NAME, tcrp.create("bad\nroom", "alice").refusal().error());
        assertTrue(tcrp.list().rooms().isEmpty());
    }

    @Test
    void roomLimitIsEnforced() throws Exception {
        server.close();
        server = new ChatServer(ServerConfig.forTests().withLimits(1, 2, 100, 10)).start();
        tcrp = new TcrpClient(server.tcpPort());
        assertTrue(tcrp.create("one", "alice").ok());
        assertEquals(ErrorCode.SERVER_FULL, tcrp.create("two", "bob").refusal().error());
        assertTrue(tcrp.join("one", "bob").ok());
        assertEquals(ErrorCode.ROOM_FULL, tcrp.join("one", "carol").refusal().error());
    }
}
