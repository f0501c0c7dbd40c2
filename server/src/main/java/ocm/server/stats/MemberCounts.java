package ocm.server.stats;

/** How many rooms there are and how their members reach the server, counted once for a snapshot. */
public record MemberCounts(int rooms, int v1, int v2, int unregistered) {
    public static final MemberCounts NONE = new MemberCounts(0, 0, 0, 0);
}
