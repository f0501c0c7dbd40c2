package ocm.client.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ocm.protocol.tcrp.RoomListing.RoomSummary;

/** Room lists in the order people scan them: by name, ignoring case. */
final class RoomOrder {
    private RoomOrder() {
    }

    static List<RoomSummary> byName(List<RoomSummary> rooms) {
        List<RoomSummary> out = new ArrayList<>(rooms);
        out.sort(Comparator.comparing(RoomSummary::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }
}
