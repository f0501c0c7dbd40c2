package ocm.server.admin;

import java.io.IOException;

/** The part of a running server's life the operator controls: saving and stopping. */
public interface ServerLifecycle {
    /** Whether the server keeps a state file (else there is nothing to save). */
    boolean persists();

    /** Writes the state file now and returns when it is on disk. */
    void saveNow() throws IOException;

    /** The TLS key's fingerprint and where the key came from, for {@code /fingerprint}; empty before start. */
    default java.util.Optional<String> tlsFingerprint() {
        return java.util.Optional.empty();
    }

    /** Graceful stop; returns when done. */
    void shutdown();
}
