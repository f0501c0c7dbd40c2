package ocm.protocol;

/**
 * Bytes that do not form a valid message. The message says, for a person, what was wrong
 * ("room name is 300 bytes, the limit is 255"); decoders throw nothing else.
 */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
