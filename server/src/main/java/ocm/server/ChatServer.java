package ocm.server;

import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.server.admin.LiveAdmin;
import ocm.server.admin.ServerAdmin;
import ocm.server.admin.ServerLifecycle;
import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import ocm.server.stats.RelayFigures;
import ocm.server.stats.SaveFigures;
import ocm.server.store.DataDirLock;
import ocm.server.store.JsonRoomStore;
import ocm.server.store.RoomStore;
import ocm.server.store.Snapshots;
import ocm.server.store.StateSnapshot;
import ocm.server.store.TimedRoomStore;
import ocm.server.tcp.RequestHandler;
import ocm.server.tcp.TcpCounters;
import ocm.server.tcp.TcpService;
import ocm.server.udp.RelayLoop;

/**
 * The composition root: wires the room registry, the relay (UDP), the room service (TCP), the
 * state file and the admin view, and owns their lifecycle. {@code ./chat server}, host mode and
 * the tests all run this class.
 */
public final class ChatServer implements AutoCloseable, ServerLifecycle {
    private static final Logger LOG = Logger.getLogger("ocm.server");

    private final ServerConfig config;
    private final AbuseLimits abuse;
    private final RoomStore store;
    private final SaveFigures saves = new SaveFigures();
    private final Tokens tokens = new Tokens();
    private final RoomRegistry registry;
    private final Clock clock;
    /** The relay thread's, once started: the rules of rooms and the relay's counters. */
    private final RoomService rooms;
    private final Counters counters = new Counters();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ExecutorService storeThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ocm-store");
        t.setDaemon(true);
        return t;
    });
    private RelayLoop relay;
    private TcpService tcp;
    private LiveAdmin admin;
    /** Held while running, so no second server writes the same state file. */
    private DataDirLock dataDirLock;
    private long startedAt;
    private long nextSave;
    private boolean started;
    /** Set under the lock by close/halt; read without it by maybeSave on the relay thread, hence volatile. */
    private volatile boolean closing;

    public ChatServer(ServerConfig config) {
        this(config, AbuseLimits.defaults());
    }

    public ChatServer(ServerConfig config, AbuseLimits abuse) {
        this(config, abuse, Clock.systemUTC());
    }

    /** {@code clock}: the only source of time for the server's logic (tests may pass their own). */
    public ChatServer(ServerConfig config, AbuseLimits abuse, Clock clock) {
        this.config = config;
        this.abuse = abuse;
        this.clock = clock;
        this.store = config.dataDir().<RoomStore>map(d -> new TimedRoomStore(new JsonRoomStore(d, abuse.maxStateFileBytes()), saves))
                .orElse(RoomStore.none());
        this.registry = new RoomRegistry(new RoomRegistry.Limits(config.maxRooms(), config.maxMembersPerRoom(),
                config.historySize(), config.messagesPerSecond(), config.burst()), tokens);
        this.rooms = new RoomService(registry, counters, config.v1IdleTimeout(), config.v2IdleTimeout(), abuse.hostRegisterGrace());
    }

    /** Loads the state file, binds both ports and starts the threads. */
    public synchronized ChatServer start() throws IOException {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        startedAt = clock.millis();
        try {
            dataDirLock = config.dataDir().isPresent() ? DataDirLock.acquire(config.dataDir().get()) : null;
        } catch (IOException e) {
            storeThread.shutdownNow();
            stopped.countDown();
            throw e;
        }
        Optional<StateSnapshot> saved;
        try {
            saved = store.load();
        } catch (IOException e) {
            failedStart();
            throw e;
        }
        saved.ifPresent(s -> {
            int n = Snapshots.restore(registry, s, startedAt);
            LOG.info("restored " + n + " room(s) and " + registry.memberCount() + " member(s) from the state file");
        });
        try {
            relay = bindUdp();
            tcp = bindTcp();
        } catch (IOException e) {
            if (relay != null) {
                relay.close();
            }
            failedStart();
            throw e;
        }
        admin = new LiveAdmin(relay, rooms, counters, tcp::dropsByReason, this, clock, startedAt, LiveAdmin.DEFAULT_TIMEOUT);
        relay.start();
        tcp.start();
        LOG.info("listening on " + config.host() + ": TCP " + tcpPort() + " (rooms), UDP " + udpPort() + " (chat)"
                + config.dataDir().map(d -> ", state in " + d).orElse(", no state file"));
        return this;
    }

    private RelayLoop bindUdp() throws IOException {
        try {
            return new RelayLoop(config, rooms, tokens, counters, clock, this::maybeSave);
        } catch (BindException e) {
            throw bindFailure("UDP", config.udpPort(), e);
        }
    }

    private TcpService bindTcp() throws IOException {
        try {
            return new TcpService(config, abuse, new RequestHandler(new RelayRooms(relay, rooms), abuse, clock), clock);
        } catch (BindException e) {
            throw bindFailure("TCP", config.tcpPort(), e);
        }
    }

    /** Says which socket could not be bound; a port in use becomes a {@link PortInUseException}. */
    private BindException bindFailure(String protocol, int port, BindException e) {
        String why = String.valueOf(e.getMessage());
        if (why.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            return new PortInUseException(protocol, port, e);
        }
        BindException b = new BindException("cannot listen on " + protocol + " " + config.host() + ":" + port + " (" + why + ")");
        b.initCause(e);
        return b;
    }

    private void failedStart() {
        storeThread.shutdownNow();
        releaseDataDir();
        stopped.countDown();
    }

    private void releaseDataDir() {
        if (dataDirLock != null) {
            dataDirLock.close();
            dataDirLock = null;
        }
    }

    public int tcpPort() {
        return tcp.port();
    }

    public int udpPort() {
        return relay.port();
    }

    public ServerConfig config() {
        return config;
    }

    public ServerAdmin admin() {
        return admin;
    }

    /** The relay's published figures and heartbeat (for metrics and /healthz); safe from any thread once started. */
    public RelayFigures relayFigures() {
        return relay.figures();
    }

    /** State-file saves so far (none without a data dir); safe from any thread. */
    public SaveFigures saveFigures() {
        return saves;
    }

    /** The TCP service's counters; safe from any thread once started. */
    public TcpCounters tcpCounters() {
        return tcp.counters();
    }

    /** Open TCP connections now; safe from any thread once started. */
    public int openTcpConnections() {
        return tcp.openConnections();
    }

    /** Relay thread: hands a snapshot to the store thread at most once per save interval, when something changed. */
    private void maybeSave(long now) {
        if (now < nextSave || closing) {
            return;
        }
        nextSave = now + config.saveInterval().toMillis();
        if (registry.takeDirty()) {
            StateSnapshot s = Snapshots.of(registry, now);
            storeThread.execute(() -> write(s));
        }
    }

    private void write(StateSnapshot s) {
        try {
            store.save(s);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not write the state file: " + e.getMessage());
        }
    }

    @Override
    public boolean persists() {
        return config.dataDir().isPresent();
    }

    /** Writes the state file now and returns when it is on disk. */
    @Override
    public void saveNow() throws IOException {
        try {
            StateSnapshot s = relay.submit(() -> {
                registry.takeDirty();
                return Snapshots.of(registry, clock.millis());
            }).get(10, TimeUnit.SECONDS);
            storeThread.submit(() -> {
                store.save(s);
                return null;
            }).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("saving took too long");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while saving");
        }
    }

    /** Graceful stop: no new requests, tell v2 clients, save, close the sockets, join the threads. */
    @Override
    public void close() {
        synchronized (this) {
            if (!started || tcp == null) {
                return; // never started, or start failed and released everything
            }
            if (closing) {
                awaitQuietly();
                return;
            }
            closing = true;
        }
        LOG.info("shutting down");
        tcp.close();
        try {
            relay.submit(() -> {
                rooms.serverClosing();
                return null;
            }).get(5, TimeUnit.SECONDS);
            saveNow();
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOG.warning("saving at shutdown failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        relay.close();
        stopStoreThread();
        releaseDataDir();
        LOG.info("stopped");
        stopped.countDown();
    }

    @Override
    public void shutdown() {
        close();
    }

    /** Stops as {@code kill -9} would, for tests: no final save, no goodbye; sockets and threads released. */
    public void halt() {
        synchronized (this) {
            if (closing || !started || tcp == null) {
                return;
            }
            closing = true;
        }
        tcp.close();
        relay.close();
        storeThread.shutdownNow();
        releaseDataDir();
        stopped.countDown();
    }

    private void awaitQuietly() {
        if (relay.onRelayThread()) {
            return;
        }
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopStoreThread() {
        storeThread.shutdown();
        try {
            storeThread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the server has stopped (by {@link #close}, the console's /quit or {@code ServerAdmin.shutdown}). */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isStopped() {
        return stopped.getCount() == 0;
    }
}
