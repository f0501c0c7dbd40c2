package ocm.ssh;

import java.util.List;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Who gets in. Any public key whose signature checks (the key is the identity; the name registry
 * decides what it may be called). Without a key, keyboard-interactive with no questions: guests
 * pass when the operator allows them; otherwise it fails, its instruction being the hint on how
 * to make a key (OpenSSH prints it above "Permission denied").
 */
final class GatewayAuth implements KeyboardInteractiveAuthenticator {
    static final String NO_KEY_HINT = "OCM: this server needs an SSH key; make one with: ssh-keygen -t ed25519";

    private final boolean guests;

    GatewayAuth(boolean guests) {
        this.guests = guests;
    }

    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang, String subMethods) {
        InteractiveChallenge c = new InteractiveChallenge();
        c.setInteractionName("");
        c.setInteractionInstruction(guests ? "" : NO_KEY_HINT);
        c.setLanguageTag("");
        return c;
    }

    @Override
    public boolean authenticate(ServerSession session, String username, List<String> responses) {
        return guests;
    }
}
