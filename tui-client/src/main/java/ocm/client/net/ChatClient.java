package ocm.client.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;

/**
 * The real network layer: TCRP over short TCP connections, and one UDP socket shared by every
 * room session. Thread "ocm-recv" reads and decodes datagrams; thread "ocm-net" owns all session
 * state (incoming datagrams, user requests and the retransmission timer all run there).
 */
public final class ChatClient implements ChatService {
    private static final Logger LOG = Logger.getLogger(ChatClient.class.getName());
    static final long TICK_MILLIS = 20;
    private static final int CHECK_CONNECT_MILLIS = 2_000;
    private static final long SHUTDOWN_WAIT_MILLIS = 2_000;

    private final ServerAddress server;
    private final Clock clock;
    private final Random random;
    private final TcrpClient tcrp;
    /** Room checks while a server does not answer: its own connections, short timeouts, one at a time. */
    private final TcrpClient checks;
    private final java.util.concurrent.ExecutorService checker;
    private boolean checking; // ocm-net only
    private final DatagramChannel channel;
    private final InetSocketAddress udpTarget;
    private final ScheduledExecutorService net;
    private final Thread receiver;
    private final Map<String, RoomSession> sessions = new HashMap<>(); // ocm-net only
    private final AtomicLong localIds = new AtomicLong();
    private volatile Consumer<NetEvent> listener = e -> { };
    private volatile boolean closed;

    /** Clear TCRP: for tests against stand-in servers; {@code ./chat client} uses {@link #ChatClient(ServerAddress, TcrpTransport)}. */
    public ChatClient(ServerAddress server) throws ClientException {
        this(server, Clock.SYSTEM, new SecureRandom(), 5_000);
    }

    /** Over TLS with the server's key checked by {@code transport} (what {@code ./chat client} uses). */
    public ChatClient(ServerAddress server, TcrpTransport transport) throws ClientException {
        this(server, Clock.SYSTEM, new SecureRandom(), 5_000, transport);
    }

    /** {@code tcpConnectMillis} limits the TCP connect; the whole reply after it gets twice that (5 s + 10 s). Clear TCRP (tests). */
    public ChatClient(ServerAddress server, Clock clock, Random random, int tcpConnectMillis) throws ClientException {
        this(server, clock, random, tcpConnectMillis, TcrpTransport.CLEAR);
    }

    public ChatClient(ServerAddress server, Clock clock, Random random, int tcpConnectMillis, TcrpTransport transport)
            throws ClientException {
        this.server = server;
        this.clock = clock;
        this.random = random;
        this.tcrp = new TcrpClient(server.host(), server.tcpPort(), tcpConnectMillis, 2 * tcpConnectMillis, transport);
        this.checks = new TcrpClient(server.host(), server.tcpPort(), CHECK_CONNECT_MILLIS, 2 * CHECK_CONNECT_MILLIS,
                transport);
        this.checker = Executors.newSingleThreadExecutor(r -> named(r, "ocm-room-check"));
        this.udpTarget = new InetSocketAddress(server.host(), server.udpPort());
        if (udpTarget.isUnresolved()) {
            throw new ClientException("unknown server address " + server.host());
        }
        try {
            this.channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(0));
        } catch (IOException e) {
            throw new ClientException("cannot open a UDP socket: " + e.getMessage(), e);
        }
        this.net = Executors.newSingleThreadScheduledExecutor(r -> named(r, "ocm-net"));
        net.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        this.receiver = named(this::receiveLoop, "ocm-recv");
        receiver.start();
    }

    @Override
    public void setListener(Consumer<NetEvent> listener) {
        this.listener = listener;
    }

    @Override
    public ServerAddress server() {
        return server;
    }

    /** The local UDP port, for tests. */
    public int localPort() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public List<RoomListing.RoomSummary> listRooms() throws ClientException {
        return tcrp.listRooms();
    }

    @Override
    public Membership enter(RoomRequest request) throws ClientException {
        if (closed) {
            throw new ClientException("the client is shutting down");
        }
        Admission a = tcrp.enter(request);
        String room = a.room().isEmpty() ? request.room() : a.room();
        String user = a.username().isEmpty() ? request.user() : a.username();
        onNet(() -> {
            RoomSession s = new RoomSession(room, a.token(), this::sendDatagram, this::emit, random, server.udpPort());
            RoomSession old = sessions.put(room, s);
            if (old != null && !old.ended()) {
                old.leaveNow(clock.millis());
            }
            s.start(clock.millis());
        });
        return new Membership(room, user, a.host(), a.hostName(), a.members(), a.locked());
    }

    @Override
    public long send(String room, String text, boolean action) {
        long id = localIds.incrementAndGet();
        onNet(() -> {
            RoomSession s = sessions.get(room);
            if (s == null) {
                emit(new NetEvent.NotDelivered(room, id, "you are not in this room"));
            } else {
                s.chat(id, action, text, clock.millis());
            }
        });
        return id;
    }

    @Override
    public void leave(String room) {
        onRoom(room, s -> s.leave(clock.millis()));
    }

    @Override
    public void kick(String room, String user, String reason) {
        onRoom(room, s -> s.kick(user, reason));
    }

    @Override
    public void closeRoom(String room, String reason) {
        onRoom(room, s -> s.close(reason));
    }

    @Override
    public void stopRequests() {
        tcrp.close();
    }

    @Override
    public void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        tcrp.close(); // a create/join/list still waiting ends now
        CompletableFuture<Void> left = new CompletableFuture<>();
        onNet(() -> {
            sessions.values().forEach(s -> s.leaveNow(clock.millis()));
            awaitAllEnded(left);
        });
        try {
            left.get(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.fine("leaving rooms did not finish before shutdown");
        }
        net.shutdownNow();
        checks.close();
        checker.shutdownNow();
        try {
            channel.close();
            receiver.join(SHUTDOWN_WAIT_MILLIS);
        } catch (IOException e) {
            LOG.fine("closing the UDP socket: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes once every session has ended (checked on each tick of the net thread). */
    private void awaitAllEnded(CompletableFuture<Void> done) {
        if (sessions.values().stream().allMatch(RoomSession::ended)) {
            done.complete(null);
        } else {
            net.schedule(() -> awaitAllEnded(done), TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        long now = clock.millis();
        for (RoomSession s : sessions.values()) {
            try {
                s.tick(now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "room session " + s.room() + " failed a tick", e);
            }
        }
        checkRooms(now);
    }

    /**
     * Sessions whose server went silent ask, over TCP, whether the server is there and still has
     * their room (it answers unknown tokens with silence). One room list at a time serves them all.
     */
    private void checkRooms(long now) {
        if (checking) {
            return;
        }
        List<RoomSession> due = new java.util.ArrayList<>();
        for (RoomSession s : sessions.values()) {
            if (s.roomCheckDue(now)) {
                s.roomCheckSent(now);
                due.add(s);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        checking = true;
        try {
            checker.execute(() -> {
                try {
                    RoomListing l = checks.listing();
                    java.util.Set<String> names = new java.util.HashSet<>();
                    l.rooms().forEach(r -> names.add(r.name()));
                    onNet(() -> {
                        checking = false;
                        due.forEach(s -> s.roomListed(names.contains(s.room()), l.more() == 0, clock.millis()));
                    });
                } catch (ClientException e) {
                    onNet(() -> {
                        checking = false;
                        due.forEach(s -> s.roomCheckFailed(e.getMessage(), clock.millis()));
                    });
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            checking = false; // shutting down
        }
    }

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocate(Limits.MAX_DATAGRAM + 1);
        while (!closed || channel.isOpen()) {
            try {
                buf.clear();
                SocketAddress from = channel.receive(buf);
                buf.flip();
                if (from == null || !from.equals(udpTarget) || buf.remaining() > Limits.MAX_DATAGRAM) {
                    continue; // only the server may talk to us, within the size limit
                }
                V2Datagram d = V2Codec.decode(buf);
                onNet(() -> {
                    RoomSession s = sessions.get(d.room());
                    if (s != null) {
                        s.receive(d, clock.millis());
                    }
                });
            } catch (ProtocolException e) {
                LOG.fine("dropped a bad datagram: " + e.getMessage());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!channel.isOpen()) {
                    return;
                }
                LOG.fine("UDP receive failed: " + e.getMessage());
            }
        }
    }

    private void sendDatagram(V2Datagram d) {
        try {
            channel.send(ByteBuffer.wrap(V2Codec.encode(d)), udpTarget);
        } catch (IOException e) {
            LOG.fine("UDP send failed: " + e.getMessage()); // the retransmission timer tries again
        }
    }

    private void emit(NetEvent e) {
        try {
            listener.accept(e);
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "event listener failed on " + e, ex);
        }
    }

    private void onRoom(String room, Consumer<RoomSession> action) {
        onNet(() -> {
            RoomSession s = sessions.get(room);
            if (s != null) {
                action.accept(s);
            }
        });
    }

    private void onNet(Runnable r) {
        if (net.isShutdown()) {
            return;
        }
        try {
            net.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "network task failed", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.fine("network thread already stopped");
        }
    }

    private static Thread named(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
