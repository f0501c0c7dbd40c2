package ocm.protocol.tcrp;

/**
 * The fixed 32-byte TCRP header, decoded and checked: the body that follows is
 * {@code roomNameLength} bytes of room name then {@code payloadSize} bytes of JSON.
 */
public record TcrpHeader(int roomNameLength, Operation operation, State state, int payloadSize) {
    public int bodySize() {
        return roomNameLength + payloadSize;
    }
}
