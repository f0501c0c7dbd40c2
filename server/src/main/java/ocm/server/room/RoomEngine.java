package ocm.server.room;

import ocm.protocol.ucrp.v2.EndReason;

/**
 * Where the room service's decisions go beyond this node. {@link #IN_MEMORY} is the single node:
 * every hook does nothing, so the room service numbers chats itself and what it decides is final.
 * A cluster engine (ocm.server.cluster) takes chats to be numbered cluster-wide (they come back
 * through {@link RoomService#deliverNumbered}), spreads what its node's members did, and routes
 * what is asked of another node's members to that node. Relay thread only; the hooks must not
 * block (a cluster engine calls its store asynchronously).
 */
public interface RoomEngine {
    /**
     * A local member's chat. True: the engine numbers it elsewhere and hands it back through
     * {@link RoomService#deliverNumbered} (the sender then hears its Accepted); false: this node
     * numbers and delivers it now.
     */
    boolean takeChat(Member sender, boolean action, String text, long senderSeq, long now);

    /** A local member's membership ended; it is removed here and its room told. */
    void memberEnded(Member m, EndReason reason, String message, long now);

    /** A room was closed here; its local members were told. */
    void roomClosed(Room room, EndReason reason, String message, long now);

    /** Someone here (host, operator) ends a member that lives on another node: ask that node. */
    void endElsewhere(Member m, EndReason reason, String message, long now);

    /** An announcement; true when the engine spreads it (every node, this one too, announces it on receipt). */
    boolean takeNotice(Room room, String message, long now);

    /** The single node: nothing leaves it. */
    RoomEngine IN_MEMORY = new RoomEngine() {
        @Override
        public boolean takeChat(Member sender, boolean action, String text, long senderSeq, long now) {
            return false;
        }

        @Override
        public void memberEnded(Member m, EndReason reason, String message, long now) {
        }

        @Override
        public void roomClosed(Room room, EndReason reason, String message, long now) {
        }

        @Override
        public void endElsewhere(Member m, EndReason reason, String message, long now) {
            throw new IllegalStateException("a single node has no members elsewhere: " + m);
        }

        @Override
        public boolean takeNotice(Room room, String message, long now) {
            return false;
        }

        @Override
        public String toString() {
            return "RoomEngine.IN_MEMORY";
        }
    };
}
