package ocm.server.room;

import java.util.Objects;

/** One accepted room message as kept in the room's recent history. */
public record ChatRecord(int msgId, long timestampMillis, boolean action, String sender, String text) {
    public ChatRecord {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }
}
