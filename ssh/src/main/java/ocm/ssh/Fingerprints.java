package ocm.ssh;

import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.server.session.ServerSession;

/** The key an SSH user proved, as a fingerprint in the name registry's format. */
final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * The fingerprint of the key whose signature the session verified, or empty (a guest). Only a
     * key that signed counts: a key merely offered (anyone may offer anyone's public key) does not.
     */
    static Optional<String> proven(ServerSession session) {
        List<PublicKey> keys = session.getAttribute(UserAuthPublicKey.AUTHENTICATED_KEYS);
        if (keys == null || keys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(keys.get(keys.size() - 1)));
    }

    static String of(PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }
}
