package ocm.protocol.tls;

import ocm.protocol.identity.Fingerprint;

/** What to do with the key a server presented, given the pins (SSH's known_hosts rule). */
public sealed interface PinDecision {
    /** Never seen: show the fingerprint, pin it ({@link PinStore#withPin}) and go on. */
    record FirstContact(ServerAddress address, Fingerprint presented) implements PinDecision {
        public String message() {
            return "first connection to " + address + ": its key is " + presented
                    + " (compare it with what the server printed at start); it is now pinned";
        }
    }

    /** The pinned key: go on. */
    record Match(ServerAddress address, Fingerprint pinned) implements PinDecision {
    }

    /** Another key than the pinned one: refuse; never fall back to a clear connection. */
    record Changed(ServerAddress address, Fingerprint pinned, Fingerprint presented, int line) implements PinDecision {
        /** For the person: what happened, both fingerprints, and how to accept the new key on purpose. */
        public String message(String pinFile) {
            return "the key of " + address + " has changed: it presented " + presented + ", but " + pinFile + " line " + line
                    + " pins " + pinned + ". Someone may be intercepting the connection, or the server got a new key; "
                    + "not connecting. If the server's operator confirms the new fingerprint, accept it deliberately: "
                    + "delete line " + line + " of " + pinFile + " and connect again.";
        }
    }
}
