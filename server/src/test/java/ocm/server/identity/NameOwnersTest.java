package ocm.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NameOwnersTest {
    private static final String KEY_A = "SHA256:" + "A".repeat(43);
    private static final String KEY_B = "SHA256:" + "B".repeat(43);

    @TempDir
    Path dir;

    @Test
    void theFirstKeyOwnsANameAndOthersAreRefused() {
        NameOwners owners = NameOwners.inMemory();
        assertTrue(owners.mayUse("alice", Optional.empty()), "nobody owns it yet: anyone may use it");
        assertEquals(NameOwners.Claim.CLAIMED, owners.claim("alice", KEY_A));
        assertEquals(NameOwners.Claim.ALREADY_YOURS, owners.claim("alice", KEY_A));
        assertEquals(NameOwners.Claim.TAKEN, owners.claim("alice", KEY_B));
        assertTrue(owners.mayUse("alice", Optional.of(KEY_A)));
        assertFalse(owners.mayUse("alice", Optional.of(KEY_B)));
        assertFalse(owners.mayUse("alice", Optional.empty()), "a keyless client may not use an owned name");
        assertTrue(owners.mayUse("bob", Optional.empty()));
    }

    @Test
    void linkingLetsASecondKeyInAndReleasingFreesTheName() {
        NameOwners owners = NameOwners.inMemory();
        owners.claim("alice", KEY_A);
        assertTrue(owners.link("alice", KEY_B));
        assertFalse(owners.link("alice", KEY_B), "linked already");
        assertTrue(owners.mayUse("alice", Optional.of(KEY_B)));
        assertEquals(Set.of(KEY_A, KEY_B), owners.release("alice"));
        assertTrue(owners.mayUse("alice", Optional.empty()));
        assertEquals(Set.of(), owners.release("alice"));
    }

    @Test
    void ownersSurviveARestartInAFileOnlyTheServerCanRead() throws Exception {
        NameOwners owners = OwnersFile.open(dir);
        owners.claim("alice", KEY_A);
        owners.link("alice", KEY_B);
        owners.claim("bob", KEY_B);
        Path file = dir.resolve(OwnersFile.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        NameOwners again = OwnersFile.open(dir);
        assertEquals(Set.of(KEY_A, KEY_B), again.keysOf("alice"));
        assertEquals(Set.of(KEY_B), again.keysOf("bob"));
    }

    @Test
    void anUnreadableFileIsMovedAsideAndNothingIsOwned() throws Exception {
        Files.writeString(dir.resolve(OwnersFile.FILE_NAME), "{not json");
        NameOwners owners = OwnersFile.open(dir);
        assertTrue(owners.all().isEmpty());
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(OwnersFile.FILE_NAME + ".corrupt-")));
        }
    }

    @Test
    void fingerprintsAreRecognised() {
        assertTrue(NameOwners.looksLikeFingerprint("SHA256:nhXdN/TlLlfpcI5VCh1CpryP42NFqeC5iVPkValYnxU"));
        assertFalse(NameOwners.looksLikeFingerprint("MD5:aa:bb"));
        assertFalse(NameOwners.looksLikeFingerprint("SHA256:short"));
    }
}
