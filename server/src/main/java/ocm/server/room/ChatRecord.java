package ocm.server.room;

import java.util.Objects;

/**
 * One accepted room message as kept in the room's recent history. {@code senderSeq} is the v2
 * chat seq it came with (unsigned, so a re-sent copy can be answered with this record's id), or
 * {@link #NO_SEQ} for a v1 chat.
 */
public record ChatRecord(int msgId, long timestampMillis, boolean action, String sender, String text, long senderSeq) {
    public static final long NO_SEQ = -1;

    public ChatRecord {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        if (senderSeq < NO_SEQ || senderSeq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("senderSeq out of range: " + senderSeq);
        }
    }

    /** A message with no chat seq (a v1 sender's). */
    public ChatRecord(int msgId, long timestampMillis, boolean action, String sender, String text) {
        this(msgId, timestampMillis, action, sender, text, NO_SEQ);
    }
}
