package ocm.protocol.ucrp.v1;

/** What the server sends a seed-format client. */
public sealed interface V1ServerMessage permits V1ServerMessage.Chat, V1ServerMessage.RoomClosed {

    /** {@code [sender len][sender][text]}. */
    record Chat(String sender, String text) implements V1ServerMessage {
    }

    /** The bare ASCII datagram {@code __ROOM_CLOSED__}. */
    record RoomClosed() implements V1ServerMessage {
    }
}
