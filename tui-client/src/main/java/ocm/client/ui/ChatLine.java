package ocm.client.ui;

import java.util.Objects;

/**
 * One line of a room's message pane. Only the delivery state of our own lines changes
 * (pending, then delivered or not), so that part is mutable; the UI thread owns it.
 */
public final class ChatLine {
    /**
     * How a line is drawn. An ANNOUNCEMENT (the server's operator's {@code /say}) looks like a
     * system line but counts as unread, as a chat line does.
     */
    public enum Kind { CHAT, ACTION, SYSTEM, ANNOUNCEMENT, ERROR }

    /** Our own chat lines move from PENDING to DELIVERED or FAILED; others are DELIVERED. */
    public enum Delivery { PENDING, DELIVERED, FAILED }

    /** Our own line has our clock's time, its copy in the server's history the server's: they may differ this much. */
    private static final long SAME_LINE_MILLIS = 120_000;

    private final long timeMillis;
    private final Kind kind;
    private final String sender;
    private final String text;
    private final boolean mention;
    private Delivery delivery;
    private String failure = "";
    /** The room message id, once known (0 for system lines and our lines the server has not numbered yet). */
    private int msgId;

    public ChatLine(long timeMillis, Kind kind, String sender, String text, boolean mention, Delivery delivery) {
        this.timeMillis = timeMillis;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.text = Objects.requireNonNull(text, "text");
        this.mention = mention;
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    public static ChatLine system(long timeMillis, String text) {
        return new ChatLine(timeMillis, Kind.SYSTEM, "", text, false, Delivery.DELIVERED);
    }

    public static ChatLine announcement(long timeMillis, String text) {
        return new ChatLine(timeMillis, Kind.ANNOUNCEMENT, "", text, false, Delivery.DELIVERED);
    }

    public static ChatLine error(long timeMillis, String text) {
        return new ChatLine(timeMillis, Kind.ERROR, "", text, false, Delivery.DELIVERED);
    }

    public long timeMillis() {
        return timeMillis;
    }

    public Kind kind() {
        return kind;
    }

    public String sender() {
        return sender;
    }

    public String text() {
        return text;
    }

    public boolean mention() {
        return mention;
    }

    public Delivery delivery() {
        return delivery;
    }

    public String failure() {
        return failure;
    }

    void delivered() {
        delivery = Delivery.DELIVERED;
    }

    public int msgId() {
        return msgId;
    }

    /** The server's number for this line: its place in the room's one order. */
    void numbered(int id) {
        msgId = id;
    }

    void failed(String reason) {
        delivery = Delivery.FAILED;
        failure = reason;
    }

    /** The same line said again (history the server sends once more on a rejoin): same kind, sender and text, close in time. */
    boolean sameAs(ChatLine o) {
        return kind == o.kind && sender.equals(o.sender) && text.equals(o.text)
                && Math.abs(timeMillis - o.timeMillis) <= SAME_LINE_MILLIS;
    }

    /** The line as plain text after the time stamp: "alice: hi", "* alice waves", "-- text". */
    public String body() {
        switch (kind) {
            case CHAT:
                return sender + ": " + text;
            case ACTION:
                return "* " + sender + " " + text;
            default:
                return "-- " + text;
        }
    }
}
