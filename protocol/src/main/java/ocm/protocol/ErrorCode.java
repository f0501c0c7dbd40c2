package ocm.protocol;

import java.util.Optional;

/**
 * Why a request was refused. Shared by TCRP replies (by name, in JSON) and UCRP v2 error
 * packets (by number), so both carry the same meaning.
 */
public enum ErrorCode {
    BAD_REQUEST(1),
    INVALID_ROOM_NAME(2),
    INVALID_USER_NAME(3),
    ROOM_EXISTS(4),
    NO_SUCH_ROOM(5),
    NAME_TAKEN(6),
    WRONG_PASSWORD(7),
    BANNED(8),
    ROOM_FULL(9),
    SERVER_FULL(10),
    RATE_LIMITED(11),
    NOT_HOST(12),
    NOT_REGISTERED(13),
    UNKNOWN_TOKEN(14),
    NO_SUCH_MEMBER(15),
    TOO_LONG(16),
    SERVER_SHUTTING_DOWN(17),
    INTERNAL(18);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ErrorCode> ofCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<ErrorCode> ofName(String name) {
        for (ErrorCode c : values()) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
