package ocm.protocol;

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
        Optional<String> p = NameShape.invisibleProblem(name);
        if (p.isPresent()) {
            return p;
        }
        // Compatibility forms ('＊') and look-alikes ('∗', U+2217) count as what they look like.
        String key = collisionKey(name);
        if (key.equals(collisionKey(SERVER_SENDER))) {
            return Optional.of("user name '" + name + "' looks like the server's reserved name " + SERVER_SENDER);
        }
        return NameShape.lineShapeProblem(name, key);
    }

    /**
     * What two user names are compared by: case folded, then reduced to their confusable skeleton
     * (Unicode UTS #39), so {@code alice}, {@code ALICE} and {@code аlice} (Cyrillic а) are one
     * name. Two members of a room may not share a key.
     */
    public static String collisionKey(String name) {
        return NameShape.collisionKey(name);
    }

    /** Controls, and characters that hide or reorder text (zero-width, bidi overrides, lone surrogates). */
    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(TerminalText::unsafe);
    }
}
