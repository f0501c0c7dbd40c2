package ocm.protocol.tcrp;

import java.util.Arrays;
import java.util.Objects;

/** One whole TCRP message: header fields, the room name and the raw JSON payload bytes. */
public record TcrpFrame(Operation operation, State state, String roomName, byte[] payload) {
    public TcrpFrame {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(roomName, "roomName");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcrpFrame f && f.operation == operation && f.state == state
                && f.roomName.equals(roomName) && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, state, roomName, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "TcrpFrame[" + operation + ", " + state + ", room=" + roomName + ", payload=" + payload.length + " bytes]";
    }
}
