package ocm.server.room;

import java.util.Objects;
import ocm.protocol.ErrorCode;

/** A room request refused by the rules: the code goes on the wire, the message is for a person. */
public class RoomException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public RoomException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
