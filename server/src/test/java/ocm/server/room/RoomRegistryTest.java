package ocm.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ocm.protocol.ErrorCode;
import ocm.protocol.ucrp.v2.EndReason;
import org.junit.jupiter.api.Test;

/** The room rules, without sockets. */
class RoomRegistryTest {
    private final RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 3, 2, 10, 10), new Tokens());

    private static ErrorCode refusal(Executable e) {
        return assertThrows(RoomException.class, e::run).code();
    }

    private interface Executable {
        void run() throws Exception;
    }

    @Test
    void tokensAreFreshForEveryMemberAndFoundAgain() throws Exception {
        Set<String> seen = new HashSet<>();
        Member host = registry.create("r", "host", Optional.empty(), 1, "10.0.0.1", 0);
        seen.add(host.token());
        for (int i = 0; i < 2; i++) {
            Member m = registry.join("r", "u" + i, Optional.empty(), 1, "10.0.0.1", 0);
            assertTrue(seen.add(m.token()));
            assertSame(m, registry.byToken(m.token()));
        }
        assertTrue(host.token().matches("token_[0-9a-f]{32}"));
    }

    @Test
    void aRemovedMembersTokenIsRevokedAndRemembered() throws Exception {
        registry.create("r", "host", Optional.empty(), 1, null, 0);
        Member bob = registry.join("r", "bob", Optional.empty(), 1, null, 0);
        registry.remove(bob, EndReason.KICKED, "bye", 100);
        assertNull(registry.byToken(bob.token()));
        assertEquals(EndReason.KICKED, registry.revoked(bob.token(), 200).reason());
        // The name is free again, with a new token.
        Member again = registry.join("r", "bob", Optional.empty(), 1, null, 300);
        assertNotEquals(bob.token(), again.token());
    }

    @Test
    void rulesAreEnforced() throws Exception {
        registry.create("r", "host", Optional.empty(), 1, null, 0);
        assertEquals(ErrorCode.ROOM_EXISTS, refusal(() -> registry.create("r", "x", Optional.empty(), 1, null, 0)));
        assertEquals(ErrorCode.NAME_TAKEN, refusal(() -> registry.join("r", "host", Optional.empty(), 1, null, 0)));
        assertEquals(ErrorCode.NO_SUCH_ROOM, refusal(() -> registry.join("R", "x", Optional.empty(), 1, null, 0)));
        assertEquals(ErrorCode.INVALID_USER_NAME, refusal(() -> registry.join("r", "*x", Optional.empty(), 1, null, 0)));
        assertEquals(ErrorCode.INVALID_ROOM_NAME, refusal(() -> registry.create("", "x", Optional.empty(), 1, null, 0)));
        registry.join("r", "a", Optional.empty(), 1, null, 0);
        registry.join("r", "b", Optional.empty(), 1, null, 0);
        assertEquals(ErrorCode.ROOM_FULL, refusal(() -> registry.join("r", "c", Optional.empty(), 1, null, 0)));
    }

    @Test
    void passwordMustHaveBeenVerifiedAgainstThisRoomsHash() throws Exception {
        PasswordHash pw = PasswordHash.of("secret");
        registry.create("locked", "host", Optional.of(pw), 2, null, 0);
        assertEquals(ErrorCode.WRONG_PASSWORD, refusal(() -> registry.join("locked", "x", Optional.empty(), 2, null, 0)));
        assertEquals("room 'locked' needs a password", assertThrows(RoomException.class,
            () -> registry.join("locked", "x", Optional.empty(), 2, null, 0)).getMessage());
        assertEquals(ErrorCode.WRONG_PASSWORD, refusal(() -> registry.join("locked", "x", Optional.of(PasswordHash.of("secret")), 2, null, 0)));
        assertTrue(pw.matches("secret"));
        assertFalse(pw.matches("Secret"));
        registry.join("locked", "x", Optional.of(pw), 2, null, 0);
    }

    @Test
    void bansRefuseNameAndAddress() throws Exception {
        Member host = registry.create("r", "host", Optional.empty(), 1, "10.0.0.1", 0);
        registry.ban(host.room(), new Ban("troll", Optional.of("10.9.9.9"), "spam"));
        assertEquals(ErrorCode.BANNED, refusal(() -> registry.join("r", "troll", Optional.empty(), 1, "10.0.0.2", 0)));
        assertEquals(ErrorCode.BANNED, refusal(() -> registry.join("r", "other", Optional.empty(), 1, "10.9.9.9", 0)));
        assertTrue(registry.unban(host.room(), "troll"));
        registry.join("r", "troll", Optional.empty(), 1, "10.0.0.2", 0);
    }

    @Test
    void aNameNoOneCouldJoinWithIsNotBanned() throws Exception {
        Member host = registry.create("r", "host", Optional.empty(), 1, "10.0.0.1", 0);
        registry.takeDirty();
        assertEquals(ErrorCode.INVALID_USER_NAME, refusal(() -> registry.ban(host.room(), new Ban("*x", Optional.empty(), ""))));
        assertTrue(host.room().bans().isEmpty());
        assertFalse(registry.takeDirty(), "nothing changed");
    }

    @Test
    void historyKeepsTheLastNAndIdsIncrease() throws Exception {
        Member host = registry.create("r", "host", Optional.empty(), 1, null, 0);
        Room room = host.room();
        room.record(1, false, "host", "a");
        room.record(2, false, "host", "b");
        room.record(3, false, "host", "c");
        List<ChatRecord> h = room.history();
        assertEquals(List.of(2, 3), h.stream().map(ChatRecord::msgId).toList());
        assertEquals(List.of(3), room.historySince(2).stream().map(ChatRecord::msgId).toList());
    }

    @Test
    void restoredMemberIsFoundByTheHashOfItsToken() throws Exception {
        Member host = registry.create("r", "host", Optional.empty(), 1, null, 0);
        RoomRegistry fresh = new RoomRegistry(new RoomRegistry.Limits(10, 3, 2, 10, 10), new Tokens());
        Room room = fresh.restoreRoom("r", "host", Optional.empty(), 0, 1, 0, 0, List.of(), List.of());
        Member restored = fresh.restoreMember(room, "host", Tokens.hash(host.token()), null, 1, 0, 0);
        assertNull(fresh.byToken("token_" + "1".repeat(32)));
        assertSame(restored, fresh.byToken(host.token()));
        assertSame(restored, fresh.byToken(host.token()));
    }

    @Test
    void aRestoredMemberRemovedBeforeItSpeaksIsStillRevokedByItsToken() throws Exception {
        Member host = registry.create("r", "host", Optional.empty(), 1, null, 0);
        RoomRegistry fresh = new RoomRegistry(new RoomRegistry.Limits(10, 3, 2, 10, 10), new Tokens());
        Room room = fresh.restoreRoom("r", "host", Optional.empty(), 0, 1, 0, 0, List.of(), List.of());
        Member restored = fresh.restoreMember(room, "host", Tokens.hash(host.token()), null, 1, 0, 0);
        fresh.close(room, EndReason.CLOSED_BY_ADMIN, "bye", 10);
        assertNull(fresh.byToken(host.token()));
        assertEquals(EndReason.CLOSED_BY_ADMIN, fresh.revoked(host.token(), 20).reason());
        assertNull(fresh.revoked("token_" + "2".repeat(32), 20));
        assertTrue(restored.gone());
    }

    @Test
    void tokenBucketAllowsTheBurstThenTheRate() {
        TokenBucket b = new TokenBucket(2, 3, 0);
        assertTrue(b.tryTake(0));
        assertTrue(b.tryTake(0));
        assertTrue(b.tryTake(0));
        assertFalse(b.tryTake(0));
        assertTrue(b.tryTake(500));
        assertFalse(b.tryTake(500));
    }

    @Test
    void tokenBucketAvailableRefillsUpToTheBurstAndTakesNothing() {
        TokenBucket b = new TokenBucket(2, 3, 0);
        assertTrue(b.tryTake(0));
        assertTrue(b.tryTake(0));
        assertEquals(1.0, b.available(0));
        assertEquals(2.0, b.available(500));
        assertEquals(2.0, b.available(500), "looking takes nothing");
        assertEquals(3.0, b.available(60_000), "never more than the burst");
        assertEquals(1.0, b.available(-1000), "a clock that went back refills nothing");
    }

    @Test
    void revocationsAreBoundedAndExpire() {
        Revocations r = new Revocations(2, 1000);
        r.add("a", "room", null, 1, EndReason.LEFT, "", 0);
        r.add("b", "room", null, 1, EndReason.LEFT, "", 0);
        r.add("c", "room", null, 1, EndReason.LEFT, "", 0);
        assertEquals(2, r.size());
        assertNull(r.get("a", 10));
        assertNull(r.get("b", 2000));
    }

    @Test
    void redactedTokensShowOnlyAPrefix() {
        String t = new Tokens().next();
        String shown = Tokens.redact(t);
        assertFalse(shown.contains(t.substring(10)));
        assertTrue(shown.length() < 12);
    }

    @Test
    void aSendersChatsAreFoundBySeqAcrossTheWrapAndNoOneElses() throws Exception {
        RoomRegistry big = new RoomRegistry(new RoomRegistry.Limits(10, 3, 100, 10, 10), new Tokens());
        Room room = big.create("r", "host", Optional.empty(), 2, null, 0).room();
        room.record(1, false, "bob", "a", 0xFFFF_FFFEL);
        room.record(2, false, "carol", "not bob's", 0xFFFF_FFFFL);
        room.record(3, false, "bob", "b", 0xFFFF_FFFFL);
        room.record(4, false, "bob", "v1 line");
        room.record(5, false, "bob", "c", 0L);
        room.record(6, false, "bob", "d", 1L);
        assertEquals(List.of("a", "b", "c"), room.chatsFrom("bob", -2, 3).stream().map(ChatRecord::text).toList());
        assertEquals(List.of("b"), room.chatsFrom("bob", -1, 1).stream().map(ChatRecord::text).toList());
        assertEquals(List.of(), room.chatsFrom("bob", 2, 256));
        assertEquals(3, room.chatsFrom("bob", -1, 1).get(0).msgId());
        assertTrue(room.chatsFrom("dave", -1, 1).isEmpty());
    }

    @Test
    void aNewRoomNameMayNotStartOrEndWithSpacesButAnOldOneIsStillJoined() throws Exception {
        assertEquals(ErrorCode.INVALID_ROOM_NAME, refusal(() -> registry.create("  spaced  ", "host", Optional.empty(), 2, null, 0)));
        Room old = registry.restoreRoom(" old ", "host", Optional.empty(), 0, 1, 0, 0, List.of(), List.of());
        registry.restoreMember(old, "host", "hash", null, 2, 0, 0);
        assertEquals(" old ", registry.join(" old ", "bob", Optional.empty(), 2, null, 0).room().name());
    }
}
