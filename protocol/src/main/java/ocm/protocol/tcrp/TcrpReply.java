package ocm.protocol.tcrp;

/** What the server answers over TCP: a compliance, then (on success) a completion. */
public sealed interface TcrpReply permits Compliance, Admission, RoomListing, Refusal {
    State state();
}
