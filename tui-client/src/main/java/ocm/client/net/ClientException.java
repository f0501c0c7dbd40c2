package ocm.client.net;

/** Something the user asked for could not be done; the message says why, in words. */
public final class ClientException extends Exception {
    public ClientException(String message) {
        super(message);
    }

    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
