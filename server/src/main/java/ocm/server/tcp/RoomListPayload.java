package ocm.server.tcp;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ocm.protocol.Utf8;
import ocm.protocol.tcrp.RoomListing;

/**
 * Encodes the LIST_ROOMS answer so that it always fits one TCRP payload: rooms most populated
 * first, then by name, as many as fit; how many were left out is in {@code "more"} (present only
 * when some were), a field older decoders ignore. Without the cap, a thousand rooms made the
 * answer too big for any client to read, and OCM clients list before they join.
 */
final class RoomListPayload {
    static final Comparator<RoomListing.RoomSummary> ORDER =
            Comparator.comparingInt(RoomListing.RoomSummary::members).reversed().thenComparing(RoomListing.RoomSummary::name);
    /** Room for {@code ,"more":2147483647} and the closing brackets. */
    private static final int TAIL_RESERVE = 32;

    private RoomListPayload() {
    }

    /** The JSON payload, at most {@code maxBytes} long (which must leave room for the frame's fixed parts). */
    static byte[] encode(List<RoomListing.RoomSummary> rooms, int maxBytes) {
        List<RoomListing.RoomSummary> sorted = new ArrayList<>(rooms);
        sorted.sort(ORDER);
        StringBuilder json = new StringBuilder("{\"rooms\":[");
        int used = Utf8.encode(json.toString()).length + TAIL_RESERVE;
        int shown = 0;
        for (RoomListing.RoomSummary s : sorted) {
            String one = summary(s);
            int bytes = Utf8.encode(one).length + (shown == 0 ? 0 : 1);
            if (used + bytes > maxBytes) {
                break;
            }
            if (shown > 0) {
                json.append(',');
            }
            json.append(one);
            used += bytes;
            shown++;
        }
        json.append(']');
        int more = sorted.size() - shown;
        if (more > 0) {
            json.append(",\"more\":").append(more);
        }
        json.append('}');
        return Utf8.encode(json.toString());
    }

    /** One room, exactly as {@code TcrpMessages.encodeReply} writes it. */
    private static String summary(RoomListing.RoomSummary s) {
        JsonObject r = new JsonObject();
        r.addProperty("name", s.name());
        r.addProperty("host", s.host());
        r.addProperty("members", s.members());
        r.addProperty("locked", s.locked());
        return r.toString();
    }
}
