package ocm.server.udp;

import java.net.InetSocketAddress;
import ocm.protocol.Names;
import ocm.protocol.Utf8;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.room.Announcement;
import ocm.server.room.ChatRecord;
import ocm.server.room.Encodings;
import ocm.server.room.Member;
import ocm.server.room.MemberLink;
import ocm.server.room.Room;

/**
 * A seed-format (v1) member: chats as {@code [sender][text]} (actions as "* alice waves"),
 * announcements and endings as lines from "*server*", then {@code __ROOM_CLOSED__}. No member
 * list, no reliability. The encoding of a fan-out's item is made once, into the outbox's v1
 * buffer, and sent to each v1 member from there.
 */
final class V1Link implements MemberLink {
    private static final byte[] SERVER_SENDER = Utf8.encode(Names.SERVER_SENDER);

    private final Member member;
    private final Outbox outbox;

    V1Link(Member member, Outbox outbox) {
        this.member = member;
        this.outbox = outbox;
    }

    @Override
    public boolean deliverChat(ChatRecord r, Encodings shared) {
        Object ready = shared.get(V1Link.class);
        if (ready == null) {
            String text = V1Text.clean(r.action() ? "* " + r.sender() + " " + r.text() : r.text());
            ready = outbox.prepareV1(Utf8.encode(r.sender()), Utf8.encode(text));
            shared.put(V1Link.class, ready);
        }
        send(ready);
        return true;
    }

    @Override
    public boolean deliverEvent(Announcement event, Encodings shared) {
        if (event.plainLine() == null) {
            return true;
        }
        Object ready = shared.get(V1Link.class);
        if (ready == null) {
            ready = outbox.prepareV1(SERVER_SENDER, Utf8.encode(V1Text.clean(event.plainLine())));
            shared.put(V1Link.class, ready);
        }
        send(ready);
        return true;
    }

    /** Sends the outbox's v1 buffer, which holds this fan-out's item; nothing if it could not be encoded. */
    private void send(Object ready) {
        InetSocketAddress to = member.address();
        if (ready == Boolean.TRUE && to != null) {
            outbox.sendV1(to);
        }
    }

    @Override
    public boolean deliverMembers(Room room, Encodings shared) {
        return true; // the seed shows no member list
    }

    @Override
    public void ended(EndReason reason, String message) {
        InetSocketAddress to = member.address();
        if (to == null || reason == EndReason.LEFT) {
            return;
        }
        String notice = notice(reason, message);
        if (!notice.isEmpty()) {
            notice(notice);
        }
        outbox.sendRoomClosed(to);
    }

    @Override
    public void serverClosing(String message) {
        notice(message);
    }

    /** A line from "*server*" to this member alone. */
    void notice(String text) {
        InetSocketAddress to = member.address();
        if (to != null) {
            outbox.sendV1Once(SERVER_SENDER, Utf8.encode(V1Text.clean(text)), to);
        }
    }

    @Override
    public void unlinked() {
        // nothing kept per v1 member
    }

    private static String notice(EndReason reason, String message) {
        String why = message.isEmpty() ? "" : ": " + message;
        switch (reason) {
            case KICKED:
                return "you were kicked" + why;
            case BANNED:
                return "you were banned" + why;
            case TIMED_OUT:
                return "you timed out" + why;
            case CLOSED_BY_ADMIN:
                return "the room was closed by the server" + why;
            case CLOSED_BY_HOST:
                return "the host closed the room" + why;
            case HOST_TIMED_OUT:
                return "the host timed out, the room is closed";
            default:
                return "";
        }
    }

    @Override
    public String toString() {
        return "V1Link[" + member + "]";
    }
}
