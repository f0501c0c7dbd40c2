package ocm.protocol.ucrp.v2;

import java.nio.ByteBuffer;
import ocm.protocol.ProtocolException;
import ocm.protocol.Utf8;

/** Bounds-checked reads over a slice; every overrun is a {@link ProtocolException} naming the field. */
final class ByteReader {
    private final ByteBuffer buf;
    private int pos;
    private final int end;

    ByteReader(ByteBuffer buf, int start, int end) {
        this.buf = buf.duplicate(); // duplicate(): always big-endian, whatever the caller set
        this.pos = start;
        this.end = end;
    }

    int remaining() {
        return end - pos;
    }

    int position() {
        return pos;
    }

    private void need(int n, String what) throws ProtocolException {
        if (end - pos < n) {
            throw new ProtocolException(what + " needs " + n + " bytes but only " + (end - pos) + " remain");
        }
    }

    int u8(String what) throws ProtocolException {
        need(1, what);
        return buf.get(pos++) & 0xFF;
    }

    int u16(String what) throws ProtocolException {
        need(2, what);
        int v = ((buf.get(pos) & 0xFF) << 8) | (buf.get(pos + 1) & 0xFF);
        pos += 2;
        return v;
    }

    int i32(String what) throws ProtocolException {
        need(4, what);
        int v = buf.getInt(pos);
        pos += 4;
        return v;
    }

    long i64(String what) throws ProtocolException {
        need(8, what);
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    String utf8(int n, String what) throws ProtocolException {
        need(n, what);
        String s = Utf8.decode(buf.duplicate().limit(pos + n).position(pos), what);
        pos += n;
        return s;
    }

    void skip(int n, String what) throws ProtocolException {
        need(n, what);
        pos += n;
    }

    String rest(String what) throws ProtocolException {
        return utf8(end - pos, what);
    }

    void expectEnd(String what) throws ProtocolException {
        if (pos != end) {
            throw new ProtocolException(what + " has " + (end - pos) + " unexpected bytes at its end");
        }
    }
}
