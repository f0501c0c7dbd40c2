package ocm.protocol;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The rules for room and user names, shared so a client can check before it asks.
 * Each check returns the problem in words, or empty when the name is fine.
 */
public final class Names {
    /** Sender name of server notices to v1 clients; user names may not start with '*', so no user can take it. */
    public static final String SERVER_SENDER = "*server*";

    private Names() {
    }

    public static Optional<String> roomProblem(String room) {
        if (room == null || room.isEmpty()) {
            return Optional.of("room name is empty");
        }
        int bytes = Utf8.encode(room).length;
        if (bytes > Limits.MAX_ROOM_NAME_BYTES) {
            return Optional.of("room name is " + bytes + " bytes, the limit is " + Limits.MAX_ROOM_NAME_BYTES);
        }
        if (hasControl(room)) {
            return Optional.of("room name contains a control or invisible character");
        }
        if (room.isBlank()) {
            return Optional.of("room name is blank");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a name for a new room: as {@link #roomProblem}, and no leading or trailing
     * spaces, which would make it look like another room. Rooms made before this rule (in a state
     * file) can still be joined by their names.
     */
    public static Optional<String> newRoomProblem(String room) {
        Optional<String> p = roomProblem(room);
        if (p.isPresent()) {
            return p;
        }
        return room.strip().equals(room) ? Optional.empty() : Optional.of("room name has leading or trailing spaces");
    }

    public static Optional<String> userProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("user name is empty");
        }
        int chars = name.codePointCount(0, name.length());
        if (chars > Limits.MAX_USER_NAME_CHARS) {
            return Optional.of("user name is " + chars + " characters, the limit is " + Limits.MAX_USER_NAME_CHARS);
        }
        if (hasControl(name)) {
            return Optional.of("user name contains a control or invisible character");
        }
        if (name.isBlank() || !name.strip().equals(name)) {
            return Optional.of("user name has leading or trailing spaces");
        }
        // Compatibility forms (fullwidth '＊') would pass for the server's reserved '*' on screen.
        if (Normalizer.normalize(name, Normalizer.Form.NFKC).startsWith("*")) {
            return Optional.of("user names may not start with '*' (reserved for the server)");
        }
        return Optional.empty();
    }

    /** Controls, and characters that hide or reorder text (zero-width, bidi overrides, lone surrogates). */
    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(TerminalText::unsafe);
    }
}
