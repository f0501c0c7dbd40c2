package ocm.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import ocm.protocol.ErrorCode;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway through MINA's own SSH client: a generated Ed25519 key, a pty, keys typed, the screen read back. */
class SshGatewayTest {
    private static final Duration WAIT = SshUser.WAIT;
    private SshRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new SshRig(false);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void lobbyAppearsAtThePtySizeAndFollowsResizes() throws Exception {
        try (SshUser alice = rig.open("alice", SshRig.newKey(), 60, 20)) {
            alice.awaitText("you are alice");
            // At 60 columns the lobby shows its short key line; at 120 the long one.
            String narrow = alice.awaitText("Enter join");
            assertFalse(narrow.contains("Up/Down move"), narrow);
            alice.resize(120, 30);
            alice.awaitText("Up/Down move");
        }
    }

    @Test
    void twoSshUsersChatAndALoneCrIsEnter() throws Exception {
        try (SshUser alice = rig.open("alice", SshRig.newKey(), 100, 30);
             SshUser bob = rig.open("bob", SshRig.newKey(), 100, 30)) {
            createRoom(alice, "lounge");
            alice.type("said before bob came").enter();
            alice.awaitScreen("the line sent", t -> t.contains("alice: said before bob came"));
            bob.awaitText("you are bob");
            bob.type("r"); // refresh the lobby: the room is there
            bob.awaitText("lounge");
            bob.enter();
            bob.awaitText("you joined lounge");
            bob.awaitText("said before bob came"); // the history, although it came before the screen knew the room
            bob.awaitScreen("the member list", t -> t.contains("@alice"));
            bob.awaitText("[connected]"); // the room's status, also sent before the screen had the room
            alice.awaitText("bob joined");
            // Typed then a lone CR, as every SSH client sends Enter: the line is sent. (One line at a
            // time: several lines arriving in one batch are a paste, which the client asks about first.)
            alice.type("abc").enter();
            alice.awaitText("alice: abc");
            alice.type("def").enter();
            bob.awaitText("abc");
            bob.awaitText("def");
            bob.type("hello alice").enter();
            alice.awaitText("hello alice");
        }
    }

    @Test
    void anSshUserAndASeedClientChatBothWays() throws Exception {
        try (SshUser alice = rig.open("alice", SshRig.newKey(), 100, 30)) {
            createRoom(alice, "mixed");
            TcrpClient.Answer a = new TcrpClient(rig.server.tcpPort()).join("mixed", "seed");
            assertTrue(a.ok(), () -> "seed join refused: " + a);
            try (V1TestClient seed = new V1TestClient(rig.server.udpPort(), "mixed", a.admission().token())) {
                seed.register();
                alice.awaitText("seed joined");
                alice.type("hi seed").enter();
                seed.awaitChat("alice", "hi seed", WAIT);
                seed.sendText("hi alice, from the seed");
                alice.awaitText("hi alice, from the seed");
            }
        }
    }

    @Test
    void aNameBelongsToTheFirstKeyThatUsedIt() throws Exception {
        KeyPair first = SshRig.newKey();
        try (SshUser alice = rig.open("alice", first, 100, 30)) {
            alice.awaitText("you are alice");
        }
        try (SshUser impostor = rig.open("alice", SshRig.newKey(), 100, 30)) {
            impostor.awaitText("the name 'alice' belongs to another key");
            impostor.shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            assertEquals(1, impostor.shell.getExitStatus());
        }
        // A seed client (no key at all) cannot take it either, for a new room or an existing one.
        TcrpClient.Answer refused = new TcrpClient(rig.server.tcpPort()).create("r1", "alice");
        assertFalse(refused.ok());
        assertEquals(ErrorCode.NAME_TAKEN, refused.refusal().error());
        assertTrue(refused.refusal().message().contains("belongs to another key"), refused.refusal().message());
        // The first key still gets in, and /whois shows its fingerprint as ssh-keygen -l would.
        try (SshUser alice = rig.open("alice", first, 100, 30)) {
            createRoom(alice, "who");
            alice.type("/whois alice").enter();
            alice.awaitText(KeyUtils.getFingerPrint(first.getPublic()));
        }
    }

    @Test
    void aSessionWithoutATerminalGetsTheUsage() throws Exception {
        ClientSession s = SshUser.login(rig.client, rig.gateway.port(), "alice", SshRig.newKey());
        try (ChannelExec exec = s.createExecChannel("rooms")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exec.setOut(out);
            exec.setErr(out);
            exec.open().verify(WAIT);
            exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("full-screen chat") && text.contains("ssh -t"), text);
            assertEquals(2, exec.getExitStatus());
        } finally {
            s.close(true);
        }
    }

    @Test
    void noKeyIsRefusedWithTheHint() throws Exception {
        ClientSession s = rig.client.connect("alice", "127.0.0.1", rig.gateway.port()).verify(WAIT).getSession();
        StringBuilder instructions = new StringBuilder();
        s.setUserInteraction(new org.apache.sshd.client.auth.keyboard.UserInteraction() {
            @Override
            public String[] interactive(ClientSession session, String name, String instruction, String lang,
                                        String[] prompt, boolean[] echo) {
                instructions.append(instruction);
                return new String[0];
            }

            @Override
            public void welcome(ClientSession session, String banner, String lang) {
                instructions.append(banner);
            }

            @Override
            public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
                return null;
            }
        });
        try {
            boolean in = s.auth().await(WAIT) && s.isAuthenticated();
            assertFalse(in, "a client without a key got in");
            assertTrue(instructions.toString().contains("ssh-keygen -t ed25519"), instructions.toString());
        } finally {
            s.close(true);
        }
    }

    @Test
    void aDisconnectMidScreenLeavesTheRoomAndNothingRuns() throws Exception {
        TcrpClient.Answer host = new TcrpClient(rig.server.tcpPort()).create("stay", "seedhost");
        try (V1TestClient seed = new V1TestClient(rig.server.udpPort(), "stay", host.admission().token())) {
            seed.register();
            SshUser alice = rig.open("alice", SshRig.newKey(), 100, 30);
            alice.awaitText("stay");
            alice.enter();
            alice.awaitText("you joined stay");
            alice.type("half a line"); // in the middle of typing
            alice.close();
            seed.await(m -> m.toString().contains("alice left"), WAIT);
            Awaitility.await("the session's threads to end").atMost(WAIT)
                    .until(() -> rig.gateway.sessions() == 0 && !threadAlive("ocm-ssh-"));
        }
    }

    private static boolean threadAlive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().startsWith(prefix));
    }

    private static void createRoom(SshUser user, String room) throws Exception {
        user.awaitText("you are");
        user.type("c");
        user.awaitText("Create a room");
        user.type(room).enter();
        user.awaitText("you created " + room);
    }
}
