package ocm.server.room;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import ocm.protocol.ucrp.v2.EndReason;

/**
 * A {@link MemberLink} that writes down, as one line each, what the room service gave it, and
 * counts the encodings it had to make (it shares them through {@link Encodings} as a real link does).
 */
final class RecordingLink implements MemberLink {
    /** Encodings made by every RecordingLink of one test: one per fan-out item if links share them. */
    static final class Encoder {
        int made;
    }

    final List<String> got = new ArrayList<>();
    private final Encoder encoder;
    /** When false the member is "too far behind": it takes nothing. */
    boolean accepting = true;

    RecordingLink(Encoder encoder) {
        this.encoder = encoder;
    }

    private void encodeOnce(Object item, Encodings shared) {
        if (shared.get(RecordingLink.class) == null) {
            encoder.made++;
            shared.put(RecordingLink.class, item);
        }
    }

    @Override
    public boolean deliverChat(ChatRecord chat, Encodings shared) {
        if (!accepting) {
            return false;
        }
        encodeOnce(chat, shared);
        got.add("chat " + chat.msgId() + " " + chat.sender() + ": " + chat.text());
        return true;
    }

    @Override
    public boolean deliverEvent(Announcement event, Encodings shared) {
        if (!accepting) {
            return false;
        }
        encodeOnce(event, shared);
        got.add("event " + event.kind() + " " + event.name() + (event.text().isEmpty() ? "" : ": " + event.text()));
        return true;
    }

    @Override
    public boolean deliverMembers(Room room, Encodings shared) {
        if (!accepting) {
            return false;
        }
        encodeOnce(room, shared);
        got.add("members " + RoomService.memberRows(room).stream().map(r -> r.name()).collect(Collectors.joining(",")));
        return true;
    }

    @Override
    public void ended(EndReason reason, String message) {
        got.add("ended " + reason + (message.isEmpty() ? "" : ": " + message));
    }

    @Override
    public void serverClosing(String message) {
        got.add("closing: " + message);
    }

    @Override
    public void unlinked() {
        got.add("unlinked");
    }

    long count(String prefix) {
        return got.stream().filter(s -> s.startsWith(prefix)).count();
    }
}
