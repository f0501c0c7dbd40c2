package ocm.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SshGatewayTest {
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
}
