package ocm.protocol.crypto;

/** Which way a datagram travels; each way has its own secret, keys, packet numbers and replay window. */
public enum Direction {
    CLIENT_TO_SERVER(Labels.CLIENT_TO_SERVER),
    SERVER_TO_CLIENT(Labels.SERVER_TO_CLIENT);

    private final byte[] label;

    Direction(byte[] label) {
        this.label = label;
    }

    byte[] label() {
        return label.clone();
    }
}
