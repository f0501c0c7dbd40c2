package ocm.server.room;

import ocm.protocol.ucrp.v2.EndReason;

/**
 * How what the room service decides reaches one member: the member's transport (seed v1
 * datagrams, v2 reliable datagrams; later a sealed v2 session, an SSH session in the same
 * process, another node of a cluster). The room service never asks which: it hands every link
 * the same item and the link encodes and sends it its own way. Each member holds one link;
 * {@link #NONE} until its client registers.
 *
 * <p>Fan-out contract: one item goes to many links with one {@link Encodings}; a link that must
 * encode looks there first under its own key and leaves its encoding there, so an item is encoded
 * at most once per kind of link. A delivery allocates nothing else. Deliveries return false when
 * the member cannot take the item (too far behind): the room service removes the member once its
 * loop is done. Relay thread only; a link must not call back into the room service.
 */
public interface MemberLink {
    /** A chat of the room (or, on a new session, one from its history). */
    boolean deliverChat(ChatRecord chat, Encodings shared);

    /** A server announcement to the room. */
    boolean deliverEvent(Announcement event, Encodings shared);

    /** The room's member list changed (or the member needs it whole after registering). */
    boolean deliverMembers(Room room, Encodings shared);

    /** The membership is over: tell the client why (left, kicked, banned, timed out, room closed). */
    void ended(EndReason reason, String message);

    /** The server is going down. */
    void serverClosing(String message);

    /** The member left or its link was replaced: drop any transport bookkeeping (timers, queues). */
    void unlinked();

    /**
     * True when the transport itself knows whether the member is still there (an SSH session in this
     * process ends when its connection does, kept alive by SSH keepalives): the idle sweep then
     * leaves the member alone, since it sends no datagrams to be heard by.
     */
    default boolean livenessIsItsOwn() {
        return false;
    }

    /**
     * This member's own chat came back numbered (cluster mode: chats are numbered elsewhere and
     * the sender hears its Accepted only then). Nothing by default: v1 has no Accepted.
     */
    default void ownChatNumbered(ChatRecord chat) {
    }

    /** True for a member of another node (cluster mode): it is told by its own node, never idles out here. */
    default boolean remote() {
        return false;
    }

    /** A member whose client has not registered yet: nothing can reach it. */
    MemberLink NONE = new SilentLink("MemberLink.NONE");
}
