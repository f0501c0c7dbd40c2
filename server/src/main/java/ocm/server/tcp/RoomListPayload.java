package ocm.server.tcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ocm.protocol.Limits;
import ocm.protocol.tcrp.Operation;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.tcrp.TcrpMessages;

/**
 * The LIST_ROOMS answer's payload, always within one TCRP payload: rooms most populated first,
 * then by name, as many as fit, the rest counted in {@code "more"}. Without the cap, a thousand
 * rooms made the answer too big for any client to read, and OCM clients list before they join.
 */
final class RoomListPayload {
    static final Comparator<RoomListing.RoomSummary> ORDER =
            Comparator.comparingInt(RoomListing.RoomSummary::members).reversed().thenComparing(RoomListing.RoomSummary::name);

    private RoomListPayload() {
    }

    static byte[] encode(List<RoomListing.RoomSummary> rooms) {
        List<RoomListing.RoomSummary> sorted = new ArrayList<>(rooms);
        sorted.sort(ORDER);
        RoomListing fitted = TcrpMessages.fitListing(sorted, Limits.MAX_TCRP_PAYLOAD);
        return TcrpMessages.encodeReply(Operation.LIST_ROOMS, "", fitted).payload();
    }
}
