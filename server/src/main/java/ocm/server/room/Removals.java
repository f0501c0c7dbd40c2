package ocm.server.room;

import java.util.ArrayList;

/**
 * Members the relay removes on its own account, each with the reason it and the room are told:
 * a backlog that is full, a window that gave up, silence. All of these end as TIMED_OUT.
 *
 * <p>A loop over a room's members cannot remove one mid-loop: removal changes the room, and removing
 * the host closes it. So the loop queues the removal and carries it out when the loop is done.
 * Removing a member tells the room, which is itself such a loop, so scopes nest: each scope carries
 * out only what was queued since its {@link #mark}, in the order found, and the enclosing scope then
 * goes on with its own. The relay's entry points carry out everything still queued. The lists are
 * reused, so queuing allocates nothing once they have grown. Relay thread only.
 */
public final class Removals {
    /** A reliable item did not fit the member's backlog: it would show a wrong room if it stayed. */
    public static final String TOO_FAR_BEHIND = "too far behind (backlog full)";
    /** The member's send window gave up on a delivery (too many tries, or too long). */
    public static final String STOPPED_ACKING = "stopped acknowledging deliveries";

    /** Carries out one removal. */
    public interface Remover {
        void remove(Member m, String why, long now);
    }

    private final Remover remover;
    private final ArrayList<Member> members = new ArrayList<>();
    private final ArrayList<String> reasons = new ArrayList<>();

    public Removals(Remover remover) {
        this.remover = remover;
    }

    /** Where the removals queued from here on start; hand it to {@link #carryOut} when the loop is done. */
    public int mark() {
        return members.size();
    }

    /** Queues a member for removal; the same member may be queued twice, it is removed once. */
    public void queue(Member m, String why) {
        members.add(m);
        reasons.add(why);
    }

    /** Removes at once: for code that is not looping over the room and stops when the member is gone. */
    public void removeNow(Member m, String why, long now) {
        int mark = mark();
        queue(m, why);
        carryOut(mark, now);
    }

    /** Removes, in order, the members queued since {@code mark} (including any queued meanwhile by nested scopes). */
    public void carryOut(int mark, long now) {
        if (members.size() == mark) {
            return;
        }
        try {
            for (int i = mark; i < members.size(); i++) {
                remover.remove(members.get(i), reasons.get(i), now);
            }
        } finally {
            // Also after a failure, so no entry lingers under a later scope's mark.
            for (int i = members.size() - 1; i >= mark; i--) {
                members.remove(i);
                reasons.remove(i);
            }
        }
    }

    /** Removes everything queued: for the relay's entry points, where no loop is running. */
    public void carryOutAll(long now) {
        carryOut(0, now);
    }
}
