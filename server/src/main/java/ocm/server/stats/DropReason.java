package ocm.server.stats;

/** Why a datagram (or a delivery) was dropped; each is counted and shown by /stats. */
public enum DropReason {
    GARBAGE,
    UNKNOWN_TOKEN,
    WRONG_ROOM,
    WRONG_ADDRESS,
    NOT_REGISTERED,
    REVOKED_TOKEN,
    RATE_LIMITED,
    TOO_LONG,
    DUPLICATE,
    TOO_FAR_AHEAD,
    SEND_FAILED,
    BACKLOG_FULL,
    /** A register from another IP than the one that obtained the token over TCP (a forged source, maybe). */
    WRONG_IP,
    /** A v1 register for a token registered as v2 (it would skip v2's proof of address). */
    WRONG_PROTOCOL;

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
