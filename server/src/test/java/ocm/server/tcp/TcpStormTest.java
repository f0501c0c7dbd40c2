package ocm.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Compliance;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.JoinRoom;
import ocm.protocol.tcrp.ListRooms;
import ocm.protocol.tcrp.Operation;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.server.ChatServer;
import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.Waiting;
import org.junit.jupiter.api.Test;

/** One IP's request storm is bounded: in-flight cap, hung-up requests skipped, wrong-password limit, cached list. */
class TcpStormTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    /** An answerer that holds every request until released, counting the ones it was asked. */
    private static final class HeldAnswerer implements RequestAnswerer {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public byte[] answer(ocm.protocol.tcrp.TcrpRequest request, Operation op, String room, String ip) {
            asked.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RequestHandler.wire(op, room, List.of(TcrpMessages.encodeReply(op, room, Compliance.ok()),
                    TcrpMessages.encodeReply(op, room, new RoomListing(List.of()))));
        }
    }

    private static Socket sendList(int port) throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(TcpCodecs.request(new ListRooms()));
        out.flush();
        return s;
    }

    private static Compliance readCompliance(Socket s) throws Exception {
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] header = new byte[TcrpCodec.HEADER_SIZE];
        in.readFully(header);
        TcrpHeader h = TcrpCodec.decodeHeader(header, 0, header.length);
        byte[] body = new byte[h.bodySize()];
        in.readFully(body);
        TcrpFrame f = TcrpCodec.decodeBody(h, body, 0, body.length);
        return (Compliance) TcrpMessages.decodeReply(f);
    }

    private static void await(String what, BooleanSupplier condition) {
        Waiting.await(what).atMost(WAIT).until(condition::getAsBoolean);
    }

    @Test
    void requestsOfOneIpBeyondTheInFlightCapAreRefusedAtOnce() throws Exception {
        HeldAnswerer held = new HeldAnswerer();
        AbuseLimits abuse = AbuseLimits.defaults().withMaxRequestsInFlightPerIp(3);
        List<Socket> sockets = new ArrayList<>();
        TcpService tcp = new TcpService(ServerConfig.forTests(), abuse, held, Clock.systemUTC());
        tcp.start();
        try {
            for (int i = 0; i < 3; i++) {
                sockets.add(sendList(tcp.port()));
            }
            await("3 requests in flight", () -> tcp.counters().dispatched.get() == 3);
            try (Socket fourth = sendList(tcp.port())) {
                // Answered while the other three are still held: refused, not queued.
                Compliance c = readCompliance(fourth);
                assertFalse(c.success());
                assertEquals(Optional.of(ErrorCode.SERVER_FULL), c.error());
                assertTrue(c.message().contains("too many requests"), c.message());
            }
            assertEquals(1, tcp.counters().busyRefusals.get());
            assertEquals(1L, tcp.dropsByReason().get("tcp request refused (busy)"), "shown in the admin stats");
            held.release.countDown();
            for (Socket s : sockets) {
                assertTrue(readCompliance(s).success());
            }
            assertEquals(3, held.asked.get());
            // Answered ones no longer count: a new request goes through.
            try (Socket again = sendList(tcp.port())) {
                assertTrue(readCompliance(again).success());
            }
        } finally {
            held.release.countDown();
            for (Socket s : sockets) {
                s.close();
            }
            tcp.close();
        }
    }

    @Test
    void anAnswererThatThrowsCostsThatRequestAnInternalRefusalAndNothingElse() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RequestAnswerer buggy = (request, op, room, ip) -> {
            if (calls.incrementAndGet() % 2 == 1) {
                throw new IllegalStateException("a bug");
            }
            return RequestHandler.refusedWire(op, room, ErrorCode.NO_SUCH_ROOM, "fine");
        };
        // One request in flight per IP: a leaked place would refuse every later request as busy.
        TcpService tcp = new TcpService(ServerConfig.forTests(), AbuseLimits.defaults().withMaxRequestsInFlightPerIp(1), buggy, Clock.systemUTC());
        tcp.start();
        try {
            for (int i = 0; i < 4; i++) {
                try (Socket s = sendList(tcp.port())) {
                    Compliance c = readCompliance(s);
                    assertFalse(c.success());
                    assertEquals(Optional.of(i % 2 == 0 ? ErrorCode.INTERNAL : ErrorCode.NO_SUCH_ROOM), c.error(), "request " + i);
                }
            }
            assertEquals(0, tcp.counters().busyRefusals.get());
        } finally {
            tcp.close();
        }
    }

    @Test
    void aRequestWhoseClientHungUpIsSkipped() throws Exception {
        HeldAnswerer held = new HeldAnswerer();
        List<Socket> sockets = new ArrayList<>();
        TcpService tcp = new TcpService(ServerConfig.forTests(), AbuseLimits.defaults(), held, Clock.systemUTC());
        tcp.start();
        try {
            // Both workers busy...
            sockets.add(sendList(tcp.port()));
            sockets.add(sendList(tcp.port()));
            await("both workers busy", () -> held.asked.get() == 2);
            // ...a third request waits in the queue, and its client gives up.
            Socket third = sendList(tcp.port());
            await("third request queued", () -> tcp.counters().dispatched.get() == 3);
            third.close();
            await("server noticed the hang-up", () -> tcp.openConnections() == 2);
            held.release.countDown();
            await("third request skipped", () -> tcp.counters().skipped.get() == 1);
            assertEquals(1L, tcp.dropsByReason().get("tcp request skipped (client hung up)"), "shown in the admin stats");
            assertEquals(2, held.asked.get(), "no work done for the client that hung up");
            for (Socket s : sockets) {
                assertTrue(readCompliance(s).success());
            }
        } finally {
            held.release.countDown();
            for (Socket s : sockets) {
                s.close();
            }
            tcp.close();
        }
    }

    @Test
    void wrongPasswordsOfOneIpForOneRoomAreLimited() throws Exception {
        // A rate so slow that no try comes back during the test: the counts are exact.
        AbuseLimits abuse = AbuseLimits.defaults().withWrongPasswords(3, 0.0001);
        try (ChatServer s = new ChatServer(ServerConfig.forTests(), abuse).start()) {
            TcrpClient t = new TcrpClient(s.tcpPort());
            assertTrue(t.create("vault", "alice", Optional.of("secret"), 2).ok());
            assertTrue(t.create("other", "olga", Optional.of("secret"), 2).ok());
            for (int i = 0; i < 3; i++) {
                assertEquals(ErrorCode.WRONG_PASSWORD, t.join("vault", "bob", Optional.of("guess" + i), 2).refusal().error());
            }
            TcrpClient.Answer limited = t.join("vault", "bob", Optional.of("guess3"), 2);
            assertEquals(ErrorCode.RATE_LIMITED, limited.refusal().error());
            assertTrue(limited.refusal().message().contains("too many wrong passwords"), limited.refusal().message());
            assertEquals(ErrorCode.RATE_LIMITED, t.join("vault", "bob", Optional.of("secret"), 2).refusal().error(),
                    "no more tries, right or wrong, until the allowance comes back");
            // Another room is another count; the right password there works.
            assertEquals(ErrorCode.WRONG_PASSWORD, t.join("other", "bob", Optional.of("guess"), 2).refusal().error());
            assertTrue(t.join("other", "bob", Optional.of("secret"), 2).ok());
        }
    }

    @Test
    void joinsWithoutAPasswordCountAsWrongPasswords() throws Exception {
        AbuseLimits abuse = AbuseLimits.defaults().withWrongPasswords(3, 0.0001);
        try (ChatServer s = new ChatServer(ServerConfig.forTests(), abuse).start()) {
            TcrpClient t = new TcrpClient(s.tcpPort());
            assertTrue(t.create("vault", "alice", Optional.of("secret"), 2).ok());
            for (int i = 0; i < 3; i++) {
                assertEquals("room 'vault' needs a password", t.join("vault", "bob").refusal().message());
            }
            assertEquals(ErrorCode.RATE_LIMITED, t.join("vault", "bob", Optional.of("secret"), 2).refusal().error());
        }
    }

    @Test
    void theEncodedRoomListIsReusedUntilTheListChanges() throws Exception {
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(100, 10, 10, 10, 10), new Tokens());
        RoomService rooms = new RoomService(registry, new Counters(), Duration.ofMinutes(1), Duration.ofMinutes(1));
        {
            RequestHandler h = new RequestHandler(new DirectRooms(rooms), AbuseLimits.defaults(), Clock.systemUTC());
            String ip = "127.0.0.1";
            h.answer(new CreateRoom("one", "alice", Optional.empty(), 2), Operation.CREATE_ROOM, "one", ip);
            byte[] first = h.answer(new ListRooms(), Operation.LIST_ROOMS, "", ip);
            for (int i = 0; i < 5; i++) {
                assertEquals(new String(first, "UTF-8"), new String(h.answer(new ListRooms(), Operation.LIST_ROOMS, "", ip), "UTF-8"));
            }
            assertEquals(1, h.listEncodings(), "six lists, one encoding");
            h.answer(new JoinRoom("one", "bob", Optional.empty(), 2), Operation.JOIN_ROOM, "one", ip);
            String afterJoin = new String(h.answer(new ListRooms(), Operation.LIST_ROOMS, "", ip), "UTF-8");
            assertEquals(2, h.listEncodings());
            assertTrue(afterJoin.contains("\"members\":2"), afterJoin);
            h.answer(new CreateRoom("two", "carol", Optional.empty(), 2), Operation.CREATE_ROOM, "two", ip);
            String afterCreate = new String(h.answer(new ListRooms(), Operation.LIST_ROOMS, "", ip), "UTF-8");
            assertEquals(3, h.listEncodings());
            assertTrue(afterCreate.contains("\"two\""), afterCreate);
        }
    }
}
