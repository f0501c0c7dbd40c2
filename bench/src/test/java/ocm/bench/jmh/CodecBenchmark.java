package ocm.bench.jmh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import ocm.protocol.ProtocolException;
import ocm.protocol.ucrp.v1.V1ClientMessage;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketType;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec work on the relay's hot path, per datagram: decode what arrives (v1, v2), encode a
 * message once (v1 bytes, v2 reliable tail) and write it per recipient. Run with
 * {@code -prof gc} to see the bytes allocated per operation (docs/PERFORMANCE.md has the command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    private static final String TEXT = "#0000001a2b3c4d5e0000000400000007xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    private static final String TOKEN = "token_0123456789abcdef0123456789abcdef";

    private final ByteBuffer v1In = ByteBuffer.wrap(V1Codec.encodeClient("lobby", TOKEN, TEXT));
    private final ByteBuffer v2In = ByteBuffer.wrap(V2Codec.encode(V2Datagram.of("lobby", TOKEN, new Packet.Chat(7, false, TEXT))));
    private final ByteBuffer out = ByteBuffer.allocateDirect(4096);
    private final byte[] sender = "alice".getBytes(StandardCharsets.UTF_8);
    private final byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
    private final byte[] room = "lobby".getBytes(StandardCharsets.UTF_8);
    private final byte[] tail = V2Codec.encodeReliableTail(new Packet.ChatMessage(0, 42, 1_700_000_000_000L, false, "alice", TEXT));
    private final byte[] noToken = new byte[0];
    private int dseq;

    @Benchmark
    public V1ClientMessage v1DecodeChat() throws ProtocolException {
        return V1Codec.decodeClient(v1In);
    }

    @Benchmark
    public V2Datagram v2DecodeChat() throws ProtocolException {
        return V2Codec.decode(v2In);
    }

    /** Once per message for v1 recipients. */
    @Benchmark
    public ByteBuffer v1EncodeDelivery() {
        out.clear();
        V1Codec.encodeServer(out, sender, text);
        return out;
    }

    /** Once per message for v2 recipients. */
    @Benchmark
    public byte[] v2EncodeReliableTail() {
        return V2Codec.encodeReliableTail(new Packet.ChatMessage(0, 42, 1_700_000_000_000L, false, "alice", TEXT));
    }

    /** Once per v2 recipient: header plus the pre-encoded tail with that recipient's dseq. */
    @Benchmark
    public ByteBuffer v2WriteDelivery() {
        out.clear();
        V2Codec.writeHeader(out, room, noToken);
        V2Codec.writeReliable(out, PacketType.MESSAGE, dseq++, tail);
        return out;
    }
}
