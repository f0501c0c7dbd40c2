package ocm.server.room;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Live members by the UTF-8 bytes of their token, looked up straight from a received datagram
 * without making a String: the relay's allocation-free path for acks and pings. Open addressing,
 * linear probing, backward-shift deletion; relay thread only.
 */
final class TokenIndex {
    private byte[][] keys = new byte[64][];
    private Member[] values = new Member[64];
    private int size;

    void put(byte[] token, Member m) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(hash(token, 0, token.length));
        while (keys[i] != null) {
            if (Arrays.equals(keys[i], token)) {
                values[i] = m;
                return;
            }
            i = (i + 1) & (keys.length - 1);
        }
        keys[i] = token;
        values[i] = m;
        size++;
    }

    Member get(ByteBuffer buf, int offset, int length) {
        int i = slot(hash(buf, offset, length));
        while (keys[i] != null) {
            if (matches(keys[i], buf, offset, length)) {
                return values[i];
            }
            i = (i + 1) & (keys.length - 1);
        }
        return null;
    }

    void remove(byte[] token) {
        int mask = keys.length - 1;
        int i = slot(hash(token, 0, token.length));
        while (keys[i] != null && !Arrays.equals(keys[i], token)) {
            i = (i + 1) & mask;
        }
        if (keys[i] == null) {
            return;
        }
        keys[i] = null;
        values[i] = null;
        size--;
        // Backward shift: move later entries of the probe run into the hole so lookups still find them.
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != null) {
            int home = slot(hash(keys[j], 0, keys[j].length));
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                keys[j] = null;
                values[j] = null;
                hole = j;
            }
            j = (j + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        Member[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new Member[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private int slot(int hash) {
        return hash & (keys.length - 1);
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static int hash(ByteBuffer b, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ (b.get(i) & 0xFF)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static boolean matches(byte[] key, ByteBuffer b, int off, int len) {
        if (key.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (key[i] != b.get(off + i)) {
                return false;
            }
        }
        return true;
    }
}
