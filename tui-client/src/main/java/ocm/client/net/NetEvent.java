package ocm.client.net;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;

/**
 * What the network layer reports, each about one room. Emitted on network threads; the UI
 * hands them to its own thread before touching anything.
 */
public sealed interface NetEvent {
    String room();

    /**
     * Another member's chat line, in server order, once. {@code history}: sent with a (re-)register,
     * from before this session, as the session knows from the server's own times.
     */
    record Message(String room, int msgId, long timestampMillis, boolean action, String sender, String text, boolean history)
            implements NetEvent {
        public Message {
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(text, "text");
        }

        /** A live message. */
        public Message(String room, int msgId, long timestampMillis, boolean action, String sender, String text) {
            this(room, msgId, timestampMillis, action, sender, text, false);
        }
    }

    /** Joined, left, kicked, a notice from the server... */
    record RoomEvent(String room, long timestampMillis, EventKind kind, String name, String text) implements NetEvent {
    }

    /** The whole member list. */
    record Members(String room, List<Packet.Member> members) implements NetEvent {
        public Members {
            members = List.copyOf(members);
        }
    }

    /** Our chat {@code localId} reached the server ({@code msgId} 0 when only acknowledged so far). */
    record Delivered(String room, long localId, int msgId, long timestampMillis) implements NetEvent {
    }

    /** Our chat {@code localId} will not be delivered: refused by the server or never acknowledged. */
    record NotDelivered(String room, long localId, String reason) implements NetEvent {
    }

    /** A line for the room that is not a chat: errors, re-registering, shutting down. */
    record Notice(String room, String text) implements NetEvent {
    }

    /** The membership is over; the room becomes read-only. */
    record Ended(String room, Optional<EndReason> reason, String message) implements NetEvent {
        public Ended {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Connection state of a room session for the status line. */
    record Status(String room, LinkState state, long rttMillis, int unacked) implements NetEvent {
    }

    /** How a room session stands. */
    enum LinkState {
        REGISTERING("registering"),
        LIVE("connected"),
        RECONNECTING("reconnecting"),
        SERVER_STOPPED("server stopped, waiting for it"),
        NO_ANSWER("no answer"),
        ENDED("ended");

        private final String label;

        LinkState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
