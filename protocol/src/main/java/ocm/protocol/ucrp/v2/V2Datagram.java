package ocm.protocol.ucrp.v2;

import java.util.List;
import java.util.Objects;

/**
 * One v2 datagram: the room it concerns, the sender's token (empty from the server) and one or
 * more packets for that room.
 */
public record V2Datagram(String room, String token, List<Packet> packets) {
    public V2Datagram {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(token, "token");
        packets = List.copyOf(packets);
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("a datagram carries at least one packet");
        }
    }

    public static V2Datagram of(String room, String token, Packet... packets) {
        return new V2Datagram(room, token, List.of(packets));
    }

    @Override
    public String toString() {
        return "V2Datagram[room=" + room + ", packets=" + packets + "]";
    }
}
