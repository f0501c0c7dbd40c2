package ocm.protocol.tcrp;

import java.util.Objects;
import java.util.Optional;
import ocm.protocol.ErrorCode;

/**
 * State 1. Payload {@code {"success": 1}} or {@code {"success": 0, "error": CODE, "message": text}};
 * the seed client reads {@code success} as a truth value.
 */
public record Compliance(boolean success, Optional<ErrorCode> error, String message) implements TcrpReply {
    public Compliance {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
    }

    public static Compliance ok() {
        return new Compliance(true, Optional.empty(), "");
    }

    public static Compliance refused(ErrorCode code, String message) {
        return new Compliance(false, Optional.of(code), message);
    }

    @Override
    public State state() {
        return State.COMPLIANCE;
    }
}
