package ocm.server.cluster;

import ocm.server.room.SilentLink;

/**
 * A member of another node in this node's copy of a room: it is in the lists and holds its name,
 * but its own node delivers to it, so every delivery here is nothing.
 */
final class RemoteLink extends SilentLink {
    private final String node;

    RemoteLink(String node) {
        super("RemoteLink[" + node + "]");
        this.node = node;
    }

    String node() {
        return node;
    }

    @Override
    public boolean remote() {
        return true;
    }
}
