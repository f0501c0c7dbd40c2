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
    BACKLOG_FULL;

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
