package ocm.server.room;

/**
 * What one fan-out's item (a chat, an event, a member list) has been encoded to so far, one slot
 * per kind of link: the first link of a kind encodes it and leaves it here, every other link of
 * that kind reuses it, so a message costs one encoding per protocol however big the room. Keys
 * are compared by identity (a link class uses its own {@code Class} object). One instance is
 * reused by the room service for every fan-out, so looking up and storing allocate nothing.
 * Relay thread only.
 */
public final class Encodings {
    private Object[] keys = new Object[4];
    private Object[] values = new Object[4];
    private int size;

    /** What {@code key}'s kind of link left for this item, or null. */
    public Object get(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return null;
    }

    public void put(Object key, Object value) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
        if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, size * 2);
            values = java.util.Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size++] = value;
    }

    /** Forgets everything: the next item starts with no encodings (and no reference to the last one). */
    void clear() {
        for (int i = 0; i < size; i++) {
            keys[i] = null;
            values[i] = null;
        }
        size = 0;
    }
}
