package ocm.protocol.ucrp.v1;

import java.util.Objects;

/** A seed-format datagram from a client: room, token and text (which may be a control word). */
public record V1ClientMessage(String room, String token, String text) {
    public V1ClientMessage {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(text, "text");
    }

    public boolean isRegister() {
        return V1Codec.REGISTER.equals(text);
    }

    public boolean isLeave() {
        return V1Codec.LEAVE.equals(text);
    }

    @Override
    public String toString() {
        return "V1ClientMessage[room=" + room + ", text=" + text.length() + " chars]";
    }
}
