package ocm.server.cluster;

/**
 * The Redis keys of the cluster. A room's keys share the hash tag {@code {room}} (Redis Cluster
 * puts them on one shard, so its scripts are atomic there); the cluster-wide ones are few and
 * touched only by admissions' set updates, the heartbeat and the janitor.
 */
final class Keys {
    static final String ROOMS = "ocm:rooms";
    static final String NODES = "ocm:nodes";
    static final String JANITOR = "ocm:janitor";

    private Keys() {
    }

    static String room(String room) {
        return "ocm:{" + room + "}:room";
    }

    static String log(String room) {
        return "ocm:{" + room + "}:log";
    }

    static String members(String room) {
        return "ocm:{" + room + "}:members";
    }

    static String seqs(String room) {
        return "ocm:{" + room + "}:seqs";
    }

    static String bans(String room) {
        return "ocm:{" + room + "}:bans";
    }

    static String channel(String room) {
        return "ocm:{" + room + "}:ch";
    }

    /** The room a channel name is of, or null. */
    static String roomOfChannel(String channel) {
        if (!channel.startsWith("ocm:{") || !channel.endsWith("}:ch")) {
            return null;
        }
        return channel.substring(5, channel.length() - 4);
    }

    static String node(String node) {
        return "ocm:node:" + node;
    }

    static String nodeRooms(String node) {
        return "ocm:noderooms:" + node;
    }

    /** What the members hash holds for a member: {@code node|protocol|joined}. */
    static String memberValue(String node, int protocol, long joined) {
        return node + "|" + protocol + "|" + joined;
    }
}
