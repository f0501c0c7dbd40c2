package ocm.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The loop's one reusable send buffer and the write that counts rather than throws. */
final class Sender {
    final ByteBuffer buf = ByteBuffer.allocateDirect(ocm.protocol.Limits.MAX_DATAGRAM);

    /** Starts a datagram for {@code m}: clears the buffer and writes its prefix. */
    ByteBuffer begin(BenchMember m) {
        buf.clear();
        buf.put(m.prefix);
        return buf;
    }

    /** Sends what was written since {@link #begin}; false when the socket did not take it. */
    boolean send(BenchMember m) {
        buf.flip();
        try {
            return m.channel.write(buf) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
