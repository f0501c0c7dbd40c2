package ocm.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.EnumSet;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestsAndHostKeyTest {
    @TempDir
    Path dir;

    @Test
    void withGuestsAllowedAKeylessUserGetsInUnderAnUnownedNameWhichStaysUnowned() throws Exception {
        try (SshRig rig = new SshRig(true)) {
            ClientSession s = rig.client.connect("visitor", "127.0.0.1", rig.gateway.port()).verify(SshUser.WAIT).getSession();
            s.auth().verify(SshUser.WAIT);
            s.close(true);
            try (SshUser guest = rig.open("visitor", null, 100, 30)) {
                guest.awaitText("you are visitor");
            }
            assertTrue(rig.server.nameOwners().keysOf("visitor").isEmpty(), "a guest's name is never claimed");
            // A name a key owns is still refused to a guest.
            try (SshUser owner = rig.open("owner", SshRig.newKey(), 100, 30)) {
                owner.awaitText("you are owner");
            }
            try (SshUser guest = rig.open("owner", null, 100, 30)) {
                guest.awaitText("belongs to another key");
                guest.shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), SshUser.WAIT);
                assertEquals(1, guest.shell.getExitStatus());
            }
        }
    }

    @Test
    void theHostKeyIsMadeOnceInOpenSshFormatOnlyTheServerCanRead() throws Exception {
        KeyPair first = HostKey.loadOrCreate(dir);
        Path file = dir.resolve(HostKey.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertTrue(Files.readString(dir.resolve(HostKey.FILE_NAME + ".pub")).startsWith("ssh-ed25519 "));
        KeyPair again = HostKey.loadOrCreate(dir);
        assertEquals(HostKey.fingerprint(first), HostKey.fingerprint(again));
        assertTrue(HostKey.fingerprint(first).matches("SHA256:[A-Za-z0-9+/]{43}"), HostKey.fingerprint(first));
    }

    @Test
    void anUnreadableHostKeyStopsTheStartInsteadOfMakingANewOne() throws Exception {
        Files.writeString(dir.resolve(HostKey.FILE_NAME), "garbage");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> HostKey.loadOrCreate(dir));
        assertTrue(e.getMessage().contains(HostKey.FILE_NAME), e.getMessage());
        assertEquals("garbage", Files.readString(dir.resolve(HostKey.FILE_NAME)));
    }
}
