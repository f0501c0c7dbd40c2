package ocm.server.admin;

/** An admin request that cannot be done; the message is one line for the operator. */
public class AdminException extends Exception {
    private static final long serialVersionUID = 1L;

    public AdminException(String message) {
        super(message);
    }
}
