package ocm.protocol.tcrp;

import java.util.Objects;
import ocm.protocol.ErrorCode;

/** State 2 after a refused request: an empty token (what the seed client expects) and the reason again. */
public record Refusal(ErrorCode error, String message) implements TcrpReply {
    public Refusal {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public State state() {
        return State.COMPLETE;
    }
}
