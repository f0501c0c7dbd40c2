package ocm.server.cluster;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import ocm.server.room.ChatRecord;

/**
 * One item of a room's stream, as the scripts publish it ({@link Scripts}): a chat, a join, a
 * departure, the close, a notice, or a request to the node of a member. {@code seq} orders every
 * item of the room; {@code origin} is the node it came from.
 */
record Item(char type, long seq, String origin, String name, int msgId, long senderSeq, boolean action, String text,
            long timestamp, String reason, String message, int protocol, String target) {
    static final char CHAT = 'c';
    static final char JOIN = 'j';
    static final char LEFT = 'l';
    static final char CLOSE = 'x';
    static final char NOTICE = 'n';
    static final char KICK = 'k';

    /** Parses a published payload; a malformed one is an {@link IllegalArgumentException}. */
    static Item parse(String payload) {
        try {
            JsonObject o = JsonParser.parseString(payload).getAsJsonObject();
            return new Item(str(o, "t").charAt(0), num(o, "s"), str(o, "o"), str(o, "n"), (int) num(o, "i"),
                    o.has("q") ? num(o, "q") : ChatRecord.NO_SEQ, num(o, "a") == 1, str(o, "x"), num(o, "ts"),
                    str(o, "r"), str(o, "m"), (int) num(o, "p"), str(o, "to"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cluster item: " + e.getMessage(), e);
        }
    }

    private static String str(JsonObject o, String k) {
        return o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsString() : "";
    }

    private static long num(JsonObject o, String k) {
        return o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsLong() : 0;
    }

    ChatRecord chat() {
        return new ChatRecord(msgId, timestamp, action, name, text, senderSeq < 0 ? ChatRecord.NO_SEQ : senderSeq);
    }
}
