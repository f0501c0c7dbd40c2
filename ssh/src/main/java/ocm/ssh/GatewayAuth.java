package ocm.ssh;

import java.util.List;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Who gets in. Any public key whose signature checks (the key is the identity; the name registry
 * decides what it may be called). Without a key, keyboard-interactive with no questions: guests
 * pass when the operator allows them; otherwise it fails after an authentication banner with the
 * hint on how to make a key (OpenSSH prints it above "Permission denied"). A banner rather than the
 * challenge's instruction: clients need not show an instruction that comes with no prompt.
 */
final class GatewayAuth implements KeyboardInteractiveAuthenticator {
    static final String NO_KEY_HINT = "OCM: this server needs an SSH key; make one with: ssh-keygen -t ed25519";

    private final boolean guests;

    GatewayAuth(boolean guests) {
        this.guests = guests;
    }

    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang, String subMethods)
            throws java.io.IOException {
        InteractiveChallenge c = new InteractiveChallenge();
        c.setInteractionName("");
        c.setInteractionInstruction("");
        c.setLanguageTag("");
        if (!guests) {
            Buffer banner = session.createBuffer(SshConstants.SSH_MSG_USERAUTH_BANNER, NO_KEY_HINT.length() + 16);
            banner.putString(NO_KEY_HINT + "\r\n");
            banner.putString("");
            session.writePacket(banner);
        }
        return c;
    }

    @Override
    public boolean authenticate(ServerSession session, String username, List<String> responses) {
        return guests;
    }
}
