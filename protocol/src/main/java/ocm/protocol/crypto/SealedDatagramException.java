package ocm.protocol.crypto;

import ocm.protocol.ProtocolException;

/**
 * A datagram that did not open. The reason lets the caller count and rate-limit (a bad tag from an
 * address that is not the session's is an attack or noise, a replay is normal under duplication);
 * the message says it for a person. Nothing in the session changes when this is thrown.
 */
public final class SealedDatagramException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not a sealed datagram at all, or a sealed form this side does not know. */
        MALFORMED,
        /** Another session's id: the caller looked up the wrong opener. */
        WRONG_SESSION,
        /** This packet number was already opened. */
        REPLAYED,
        /** Older than the replay window. */
        TOO_OLD,
        /** Sealed with keys already discarded (the previous generation, after its grace time). */
        KEYS_DISCARDED,
        /** The tag did not verify: tampered, truncated, or sealed with other keys. */
        BAD_TAG
    }

    private final Reason reason;

    public SealedDatagramException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
