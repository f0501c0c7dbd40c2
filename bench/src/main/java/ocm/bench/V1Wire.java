package ocm.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import ocm.protocol.ucrp.v1.V1Codec;

/** The seed's protocol: {@code __REGISTER__}, bare chats, {@code [sender][text]} deliveries, no acks. */
final class V1Wire implements Wire {
    private static final byte[] REGISTER = V1Codec.REGISTER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LEAVE = V1Codec.LEAVE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROOM_CLOSED = V1Codec.ROOM_CLOSED.getBytes(StandardCharsets.US_ASCII);

    private final Sender out;
    private final int payloadSize;

    V1Wire(Sender out, int payloadSize) {
        this.out = out;
        this.payloadSize = payloadSize;
    }

    static byte[] prefix(String room, String token) {
        return V1Codec.encodeClient(room, token, "");
    }

    @Override
    public void register(BenchMember m, long now) {
        out.begin(m).put(REGISTER);
        out.send(m);
    }

    @Override
    public boolean registered(BenchMember m) {
        return true;
    }

    @Override
    public boolean chat(BenchMember m, long now, LoopStats stats) {
        ByteBuffer b = out.begin(m);
        Payload.write(b, now, m.id, m.v1Seq++, payloadSize);
        if (!out.send(m)) {
            stats.sendFailed++;
            return false;
        }
        stats.chatSent(now);
        return true;
    }

    @Override
    public void receive(BenchMember m, ByteBuffer buf, long now, LoopStats stats) {
        int n = buf.remaining();
        if (n == ROOM_CLOSED.length && isRoomClosed(buf)) {
            stats.roomClosed++;
            return;
        }
        if (n < 1) {
            stats.malformed++;
            return;
        }
        int text = 1 + (buf.get(0) & 0xFF);
        if (text <= n && Payload.matches(buf, text, n - text)) {
            stats.delivered(Payload.sendNanos(buf, text), now);
        } else {
            stats.other++;
        }
    }

    private static boolean isRoomClosed(ByteBuffer buf) {
        for (int i = 0; i < ROOM_CLOSED.length; i++) {
            if (buf.get(i) != ROOM_CLOSED[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void tick(BenchMember m, long now, LoopStats stats) {
        // v1 has no keepalive, no acknowledgements and no retransmission.
    }

    @Override
    public void retransmit(BenchMember m, long now, LoopStats stats) {
    }

    @Override
    public void flushAck(BenchMember m, LoopStats stats) {
    }

    @Override
    public boolean settled(BenchMember m) {
        return true;
    }

    @Override
    public void leave(BenchMember m) {
        out.begin(m).put(LEAVE);
        out.send(m);
    }
}
