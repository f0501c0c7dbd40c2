package ocm.server.cluster;

import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.room.Announcement;
import ocm.server.room.ChatRecord;
import ocm.server.room.Encodings;
import ocm.server.room.MemberLink;
import ocm.server.room.Room;

/**
 * A member of another node in this node's copy of a room: it is in the lists and holds its name,
 * but its own node delivers to it, so every delivery here is nothing.
 */
final class RemoteLink implements MemberLink {
    private final String node;

    RemoteLink(String node) {
        this.node = node;
    }

    String node() {
        return node;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public boolean deliverChat(ChatRecord chat, Encodings shared) {
        return true;
    }

    @Override
    public boolean deliverEvent(Announcement event, Encodings shared) {
        return true;
    }

    @Override
    public boolean deliverMembers(Room room, Encodings shared) {
        return true;
    }

    @Override
    public void ended(EndReason reason, String message) {
    }

    @Override
    public void serverClosing(String message) {
    }

    @Override
    public void unlinked() {
    }

    @Override
    public String toString() {
        return "RemoteLink[" + node + "]";
    }
}
