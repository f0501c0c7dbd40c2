package ocm.server.cluster;

/** The node could not join its cluster (Redis unreachable, node name taken); the message says which. */
public final class ClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClusterException(String message) {
        super(message);
    }
}
