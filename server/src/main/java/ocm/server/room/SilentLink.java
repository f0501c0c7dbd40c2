package ocm.server.room;

import ocm.protocol.ucrp.v2.EndReason;

/**
 * A link that reaches no one from here: a member whose client has not registered yet
 * ({@link MemberLink#NONE}), or one another node delivers to (cluster mode). Every delivery
 * succeeds and does nothing; subclasses say only what sets them apart.
 */
public class SilentLink implements MemberLink {
    private final String name;

    public SilentLink(String name) {
        this.name = name;
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
        return name;
    }
}
