package ocm.server.udp;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import ocm.protocol.Limits;
import ocm.protocol.tcrp.Admission;
import ocm.server.config.ServerConfig;
import ocm.server.room.Member;
import ocm.server.room.RoomException;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;

/**
 * A {@link Relay} driven by hand on the test thread, with no relay thread: its socket on
 * 127.0.0.1 port 0, datagrams pumped in, timers run only when the test calls them, with the
 * clock the test passes (so a send window can be made to give up without waiting 30 s).
 */
final class RelayRig implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final RoomRegistry registry;
    final Counters counters = new Counters();
    final RoomService rooms;
    final Relay relay;
    private final DatagramChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(Limits.MAX_DATAGRAM + 1);

    RelayRig(ServerConfig config) throws IOException {
        Tokens tokens = new Tokens();
        registry = new RoomRegistry(new RoomRegistry.Limits(10, 10, 100, 100_000, 100_000), tokens);
        channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        channel.configureBlocking(false);
        rooms = new RoomService(registry, counters, config.v1IdleTimeout(), config.v2IdleTimeout());
        relay = new Relay(config, rooms, tokens, counters, channel::send, Clock.systemUTC());
    }

    int port() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    String create(String room, String user) throws RoomException {
        Admission a = rooms.create(room, user, Optional.empty(), 2, "127.0.0.1", System.currentTimeMillis());
        return a.token();
    }

    String join(String room, String user) throws RoomException {
        Admission a = rooms.join(room, user, Optional.empty(), 2, "127.0.0.1", System.currentTimeMillis());
        return a.token();
    }

    /** The live member with this token, or null once it is gone. */
    Member member(String token) {
        return registry.byToken(token);
    }

    /** One relay turn without timers: every waiting datagram in, then what is ready out. */
    void pump() throws IOException {
        long now = System.currentTimeMillis();
        InetSocketAddress from;
        while (true) {
            in.clear();
            from = (InetSocketAddress) channel.receive(in);
            if (from == null) {
                break;
            }
            in.flip();
            relay.onDatagram(in, from, now);
        }
        relay.flush(now);
    }

    /** Pumps until {@code done} holds; fails after {@link #WAIT}. */
    void pumpUntil(String what, BooleanSupplier done) {
        await(what).atMost(WAIT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).until(() -> {
            pump();
            return done.getAsBoolean();
        });
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
