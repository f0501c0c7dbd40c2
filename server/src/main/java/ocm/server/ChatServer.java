package ocm.server;

import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import ocm.server.admin.LiveAdmin;
import ocm.server.admin.NodeView;
import ocm.server.cluster.ClusterConfig;
import ocm.server.cluster.ClusterException;
import ocm.server.cluster.ClusterNode;
import ocm.server.admin.ServerAdmin;
import ocm.server.admin.ServerLifecycle;
import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import ocm.server.identity.NameOwners;
import ocm.server.identity.OwnersFile;
import ocm.server.local.LocalRooms;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.room.Tokens;
import ocm.server.stats.Counters;
import ocm.server.stats.RelayFigures;
import ocm.server.stats.RelaySnapshot;
import ocm.server.stats.SaveFigures;
import ocm.server.store.DataDirLock;
import ocm.server.store.JsonRoomStore;
import ocm.server.store.RoomStore;
import ocm.server.store.SnapshotWriter;
import ocm.server.store.Snapshots;
import ocm.server.store.StateSnapshot;
import ocm.server.store.TimedRoomStore;
import ocm.server.tcp.RequestHandler;
import ocm.server.tcp.RoomAccess;
import ocm.server.tcp.TcpCounters;
import ocm.server.tcp.TcpService;
import ocm.server.tls.ServerIdentity;
import ocm.server.tls.TlsPort;
import ocm.server.udp.RelayLoop;

/**
 * The composition root: wires the room registry, the relay (UDP), the room service (TCP), the
 * state file and the admin view, and owns their lifecycle. {@code ./chat server}, host mode and
 * the tests all run this class.
 */
public final class ChatServer implements AutoCloseable, ServerLifecycle {
    private static final Logger LOG = Logger.getLogger("ocm.server");
    /** How long a server whose relay or TCP thread died may spend saving before it exits. */
    private static final Duration FATAL_SAVE_BUDGET = Duration.ofSeconds(5);
    /** How often the data dir's lock file is checked (and made again if it was deleted). */
    private static final Duration LOCK_CHECK = Duration.ofSeconds(1);

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
    /** Which keys own which names (names.json in the data dir). */
    private final NameOwners owners;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Made by start once the data dir is locked; writes snapshots off the relay thread, latest wins. */
    private SnapshotWriter writer;
    /** How the process ends when a thread it cannot run without dies; tests replace the halt. */
    private IntConsumer fatalExit = status -> Runtime.getRuntime().halt(status);
    private RelayLoop relay;
    /** Cluster mode: set before start; null for a single node. */
    private ClusterConfig clusterConfig;
    private ClusterNode cluster;
    private TcpService tcp;
    private RequestHandler requests;
    private LocalRooms localRooms;
    private ServerAdmin admin;
    private ServerIdentity identityOverride;
    private boolean requireEncryption;
    private volatile TlsPort tlsPort;
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
        this(config, abuse, defaultStore(config, abuse), clock);
    }

    /** With the given store (tests pass a slow or failing one); the data dir, if any, is still locked. */
    public ChatServer(ServerConfig config, AbuseLimits abuse, RoomStore store) {
        this(config, abuse, store, Clock.systemUTC());
    }

    /** {@code clock}: the only source of time for the server's logic (tests may pass their own). */
    public ChatServer(ServerConfig config, AbuseLimits abuse, RoomStore store, Clock clock) {
        this.config = config;
        this.abuse = abuse;
        this.clock = clock;
        this.store = config.dataDir().isPresent() ? new TimedRoomStore(store, saves) : store;
        this.registry = new RoomRegistry(new RoomRegistry.Limits(config.maxRooms(), config.maxMembersPerRoom(),
                config.historySize(), config.messagesPerSecond(), config.burst()), tokens);
        this.owners = config.dataDir().map(OwnersFile::open).orElseGet(NameOwners::inMemory);
        this.rooms = new RoomService(registry, counters, config.v1IdleTimeout(), config.v2IdleTimeout(), owners,
                abuse.hostRegisterGrace());
    }

    private static RoomStore defaultStore(ServerConfig config, AbuseLimits abuse) {
        return config.dataDir().<RoomStore>map(d -> new JsonRoomStore(d, abuse.maxStateFileBytes())).orElse(RoomStore.none());
    }

    /**
     * What to do when the relay or TCP thread dies, after a best-effort save: by default halt the
     * process with status 70 (a service manager restarts it). Before {@link #start}; tests pass their own.
     */
    public ChatServer onFatal(IntConsumer exit) {
        this.fatalExit = exit;
        return this;
    }

    /**
     * Cluster mode (before {@link #start}): rooms are shared with the other nodes through this
     * Redis, which is then their source of truth; no state file is read or written.
     */
    public synchronized ChatServer cluster(ClusterConfig c) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        clusterConfig = c;
        return this;
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
            stopped.countDown();
            throw e;
        }
        writer = new SnapshotWriter(store, this::redirty);
        if (dataDirLock != null) {
            dataDirLock.watch(LOCK_CHECK, this::lostDataDir);
        }
        Optional<StateSnapshot> saved;
        try {
            saved = clusterConfig != null ? Optional.empty() : store.load();
        } catch (IOException e) {
            failedStart();
            throw e;
        }
        saved.ifPresent(s -> {
            int n = Snapshots.restore(registry, s, startedAt);
            LOG.info("restored " + n + " room(s) and " + registry.memberCount() + " member(s) from the state file");
        });
        try {
            tlsPort = new TlsPort(identityOverride != null ? identityOverride : ServerIdentity.loadOrCreate(config.dataDir()),
                    requireEncryption);
            relay = bindUdp();
            cluster = joinCluster();
            tcp = bindTcp();
        } catch (IOException e) {
            if (cluster != null) {
                cluster.close();
            }
            if (relay != null) {
                relay.close();
            }
            failedStart();
            throw e;
        }
        localRooms = new LocalRooms(requests, relay, rooms, clock, config.historySize(), config.messagesPerSecond());
        LiveAdmin live = new LiveAdmin(relay, rooms, counters, tcp::dropsByReason, this, clock, startedAt, LiveAdmin.DEFAULT_TIMEOUT);
        admin = cluster != null ? cluster.admin(live, clock) : live;
        DeadThreadExit death = new DeadThreadExit(this::emergencySave, fatalExit, FATAL_SAVE_BUDGET);
        relay.onDeath(death);
        tcp.onDeath(death);
        relay.start();
        tcp.start();
        LOG.info("listening on " + config.host() + ": TCP " + tcpPort() + " (rooms), UDP " + udpPort() + " (chat)"
                + config.dataDir().map(d -> ", state in " + d).orElse(", no state file"));
        LOG.info(tlsFingerprint().orElseThrow()
                + (requireEncryption ? "; clear (seed) TCRP clients are refused" : "; clear (seed) TCRP clients are served too"));
        return this;
    }

    private RelayLoop bindUdp() throws IOException {
        try {
            return new RelayLoop(config, rooms, tokens, counters, clock, this::maybeSave);
        } catch (BindException e) {
            throw bindFailure("UDP", config.udpPort(), e);
        }
    }

    /** The operator's own TLS key instead of the data dir's; before {@link #start}. */
    public ChatServer withTlsIdentity(ServerIdentity identity) {
        this.identityOverride = identity;
        return this;
    }

    /** Refuse clear TCRP (seed) clients with a refusal they can print; before {@link #start}. */
    public ChatServer requireEncryption(boolean require) {
        this.requireEncryption = require;
        return this;
    }

    /** The TLS identity in use; null before {@link #start}. */
    public ServerIdentity tlsIdentity() {
        return tlsPort == null ? null : tlsPort.identity();
    }

    @Override
    public Optional<String> tlsFingerprint() {
        TlsPort t = tlsPort;
        return t == null ? Optional.empty()
                : Optional.of("TLS key fingerprint " + t.identity().fingerprint() + " (" + t.identity().origin() + ")");
    }

    /** Cluster mode: connects to Redis and sets the cluster engine on the room service; null for a single node. */
    private ClusterNode joinCluster() throws IOException {
        if (clusterConfig == null) {
            return null;
        }
        try {
            return ClusterNode.join(clusterConfig, rooms, relay::submit, clock, config.historySize(), config.maxMembersPerRoom(),
                    this::nodeView);
        } catch (ClusterException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** What this node tells the cluster of itself (for /nodes): addresses, and the relay's last published figures. */
    private NodeView nodeView() {
        RelaySnapshot s = relay.figures().latest();
        return new NodeView(clusterConfig.node(), config.host() + ":" + (tcp == null ? config.tcpPort() : tcp.port()),
                config.host() + ":" + relay.port(), s.membersV1() + s.membersV2(), s.messagesIn(), s.deliveries());
    }

    private TcpService bindTcp() throws IOException {
        RoomAccess access = cluster != null ? cluster.rooms() : new RelayRooms(relay, rooms);
        try {
            requests = new RequestHandler(access, abuse, clock);
            return new TcpService(config, abuse, requests, clock, tlsPort);
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
        writer.halt();
        releaseDataDir();
        stopped.countDown();
    }

    /** Another server locked the data dir after our lock file was deleted: never overwrite its state file. */
    private void lostDataDir() {
        writer.halt();
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

    /** The rooms for clients in this process (the SSH gateway), once started. */
    public LocalRooms localRooms() {
        return localRooms;
    }

    /** The server-wide name -> key registry; safe from any thread. */
    public NameOwners nameOwners() {
        return owners;
    }

    /** The server's clock. */
    public Clock clock() {
        return clock;
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

    /**
     * Relay thread: at most once per save interval, when something changed, offers a snapshot to
     * the writer; while a write is under way none is made (the registry stays dirty for the next).
     */
    private void maybeSave(long now) {
        if (now < nextSave || closing || clusterConfig != null) {
            return;
        }
        nextSave = now + config.saveInterval().toMillis();
        writer.offer(() -> registry.takeDirty() ? Snapshots.of(registry, now) : null);
    }

    /** A write failed: the registry is marked dirty again so the next interval tries again. */
    private void redirty() {
        if (relay != null) {
            relay.submit(() -> {
                registry.markDirty();
                return null;
            });
        }
    }

    /** The state file writer (tests check it holds at most one snapshot waiting). */
    public SnapshotWriter snapshotWriter() {
        return writer;
    }

    /**
     * A thread died: save what can be saved. On the dying relay thread the registry is ours (no one
     * else runs on it any more); from the TCP thread the relay still answers.
     */
    private void emergencySave() {
        try {
            if (relay.onRelayThread()) {
                writer.write(Snapshots.of(registry, clock.millis())).get(FATAL_SAVE_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                saveNow();
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOG.warning("the last save before exiting failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean persists() {
        return config.dataDir().isPresent() && clusterConfig == null;
    }

    /** Writes the state file now and returns when it is on disk. */
    @Override
    public void saveNow() throws IOException {
        try {
            StateSnapshot s = relay.submit(() -> {
                registry.takeDirty();
                return Snapshots.of(registry, clock.millis());
            }).get(10, TimeUnit.SECONDS);
            writer.write(s).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            redirty();
            throw e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getCause());
        } catch (TimeoutException e) {
            redirty();
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
            if (clusterConfig == null) {
                saveNow();
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOG.warning("saving at shutdown failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cluster != null) {
            cluster.close();
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
        if (cluster != null) {
            cluster.halt();
        }
        relay.close();
        writer.halt();
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
        writer.close();
        try {
            writer.join(30_000);
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
