package ocm.server.local;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.room.Announcement;
import ocm.server.room.ChatRecord;
import ocm.server.room.Encodings;
import ocm.server.room.MemberLink;
import ocm.server.room.Room;
import ocm.server.room.RoomService;

/**
 * A member whose client runs in this process (an SSH session): what the room service tells it
 * goes into the session's own bounded inbox, never blocking the relay thread. Chats and events go
 * in as the immutable records they are (an array queue: nothing allocated per delivery); a member
 * list is copied once per fan-out and shared by every such link. A session so far behind that its
 * inbox is full is refused the item, and the room service removes it as any member whose backlog
 * is full. {@code wake} runs (on the relay thread, so it must only hand off) when the inbox goes
 * from drained to not.
 */
public final class InProcessLink implements MemberLink {
    /** The member list at one moment, host first. */
    public record Members(List<Packet.Member> rows) {
    }

    /** The membership ended (the last item). */
    public record Ending(EndReason reason, String message) {
    }

    /** The server is going down. */
    public record Closing(String message) {
    }

    private final ArrayBlockingQueue<Object> inbox;
    private final Runnable wake;
    private final AtomicBoolean woken = new AtomicBoolean();
    /** Set once; never refused, so the client always learns its membership is over. */
    private volatile Ending ending;

    public InProcessLink(int capacity, Runnable wake) {
        this.inbox = new ArrayBlockingQueue<>(capacity);
        this.wake = wake;
    }

    @Override
    public boolean deliverChat(ChatRecord chat, Encodings shared) {
        return offer(chat);
    }

    @Override
    public boolean deliverEvent(Announcement event, Encodings shared) {
        return offer(event);
    }

    @Override
    public boolean deliverMembers(Room room, Encodings shared) {
        Members m = (Members) shared.get(InProcessLink.class);
        if (m == null) {
            m = new Members(List.copyOf(RoomService.memberRows(room)));
            shared.put(InProcessLink.class, m);
        }
        return offer(m);
    }

    @Override
    public void ended(EndReason reason, String message) {
        if (ending == null) {
            ending = new Ending(reason, message);
            signal();
        }
    }

    @Override
    public void serverClosing(String message) {
        offer(new Closing(message));
    }

    @Override
    public void unlinked() {
        // nothing of the relay's to release: the inbox goes with the session
    }

    @Override
    public boolean livenessIsItsOwn() {
        return true;
    }

    /**
     * The next item for the session, or null when there is none now; the ending comes after
     * everything queued before it. The session thread calls {@link #drainStarts} first.
     */
    public Object poll() {
        Object o = inbox.poll();
        if (o == null && ending != null) {
            Ending e = ending;
            ending = null;
            return e;
        }
        return o;
    }

    /** Before a drain: any item offered from now on wakes the session again. */
    public void drainStarts() {
        woken.set(false);
    }

    /** Items waiting (for tests and measurements). */
    public int waiting() {
        return inbox.size();
    }

    private boolean offer(Object item) {
        if (!inbox.offer(item)) {
            return false;
        }
        signal();
        return true;
    }

    private void signal() {
        if (woken.compareAndSet(false, true)) {
            wake.run();
        }
    }

    @Override
    public String toString() {
        return "InProcessLink[" + inbox.size() + " waiting]";
    }
}
