package ocm.server.room;

import java.util.Objects;
import ocm.protocol.ucrp.v2.PacketType;

/**
 * A reliable v2 packet encoded once, without its per-recipient dseq; shared by every recipient's
 * send window (see {@code V2Codec.writeReliable}).
 */
public record Outgoing(PacketType type, byte[] tail) {
    public Outgoing {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tail, "tail");
    }
}
