package ocm.server.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.ProtocolException;
import ocm.protocol.tcrp.Operation;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.protocol.tcrp.TcrpRequest;
import ocm.server.AbuseLimits;
import ocm.server.ServerConfig;

/**
 * The TCRP service. One selector thread ({@code ocm-tcp-0}) accepts and reads requests from
 * every connection without blocking, so a slow or silent client holds up no one; each connection
 * must deliver its whole request and take its answer within the deadline. Connections are capped
 * in total and per IP; at a cap the OLDEST connection still sending its request is closed, so a
 * flood of idle connections cannot keep a real client out. Requests are answered on two workers ({@code ocm-tcp-1..2}).
 */
public final class TcpService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("ocm.server.tcp");
    /** Requests waiting for a worker, over all IPs. */
    static final int MAX_QUEUED = 1024;

    private final ServerConfig config;
    private final AbuseLimits abuse;
    private final RequestAnswerer handler;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private final ExecutorService workers;
    private final ConcurrentLinkedQueue<Runnable> done = new ConcurrentLinkedQueue<>();
    /** Open connections, oldest first: the deadline order and the eviction order. */
    private final LinkedHashSet<Connection> open = new LinkedHashSet<>();
    /** The size of {@link #open}, kept by the selector thread for readers on other threads. */
    private final AtomicInteger openCount = new AtomicInteger();
    private final Map<String, ArrayDeque<Connection>> byIp = new HashMap<>();
    /** Requests of each IP handed to a worker and not yet answered (selector thread only). */
    private final Map<String, Integer> inFlight = new HashMap<>();
    private volatile boolean running = true;
    /** After a refused header, at most this much of what follows is read and dropped before the connection is cut. */
    private static final int MAX_DRAIN = 64 * 1024;
    /** Scratch space for dropped input; selector thread only. */
    private final ByteBuffer discard = ByteBuffer.allocate(4096);

    public final AtomicLong timedOut = new AtomicLong();
    public final AtomicLong evicted = new AtomicLong();
    public final AtomicLong badRequests = new AtomicLong();
    public final AtomicLong refused = new AtomicLong();
    /** Requests handed to a worker. */
    public final AtomicLong dispatched = new AtomicLong();
    /** Requests refused SERVER_FULL: too many of one IP in flight, or the work queue full. */
    public final AtomicLong busyRefusals = new AtomicLong();
    /** Requests whose client hung up before a worker got to them: skipped, no work done. */
    public final AtomicLong skipped = new AtomicLong();

    public TcpService(ServerConfig config, AbuseLimits abuse, RequestAnswerer handler) throws IOException {
        this.config = config;
        this.abuse = abuse;
        this.handler = handler;
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(config.host(), config.tcpPort()), 1024);
        server.configureBlocking(false);
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::run, "ocm-tcp-0");
        AtomicInteger n = new AtomicInteger();
        // A bounded queue: beyond it requests are refused at once rather than waiting behind a storm.
        this.workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
            Thread t = new Thread(r, "ocm-tcp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        thread.start();
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    /** Safe from any thread ({@link #open} itself belongs to the selector thread). */
    public int openConnections() {
        return openCount.get();
    }

    /** Connections and requests dropped or refused, by reason (non-zero only, stable order), for the admin stats. */
    public Map<String, Long> dropsByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        putIfPositive(out, "tcp timed out", timedOut.get());
        putIfPositive(out, "tcp evicted", evicted.get());
        putIfPositive(out, "tcp bad request", badRequests.get());
        putIfPositive(out, "tcp refused (all busy)", refused.get());
        putIfPositive(out, "tcp request refused (busy)", busyRefusals.get());
        putIfPositive(out, "tcp request skipped (client hung up)", skipped.get());
        return out;
    }

    private static void putIfPositive(Map<String, Long> m, String key, long v) {
        if (v > 0) {
            m.put(key, v);
        }
    }

    /** One client connection and where it is in its single request/answer exchange. */
    private final class Connection {
        final SocketChannel channel;
        final String ip;
        final long deadline;
        final ByteBuffer header = ByteBuffer.allocate(TcrpCodec.HEADER_SIZE);
        TcrpHeader parsed;
        /** The request is complete and being answered: never evicted. */
        boolean dispatched;
        /** Its header was refused: after the refusal, read and drop what the client still sends, then close. */
        boolean refusedHeader;
        /** Bytes read and dropped by {@link #discardInput}. */
        long discarded;
        ByteBuffer body;
        ByteBuffer out;
        SelectionKey key;

        Connection(SocketChannel channel, String ip, long deadline) {
            this.channel = channel;
            this.ip = ip;
            this.deadline = deadline;
        }
    }

    private void run() {
        while (running) {
            try {
                long wait = open.isEmpty() ? 1000
                        : Math.max(1, open.iterator().next().deadline - System.currentTimeMillis());
                selector.select(wait);
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(key);
                }
                Runnable r;
                while ((r = done.poll()) != null) {
                    r.run();
                }
                expire(System.currentTimeMillis());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "TCP service turn failed: " + e, e);
            }
        }
        for (Connection c : List.copyOf(open)) {
            close(c);
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            acceptAll();
            return;
        }
        Connection c = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                read(c);
            } else if (key.isWritable()) {
                write(c);
            }
        } catch (IOException e) {
            close(c);
        }
    }

    private void acceptAll() {
        for (int i = 0; i < 256; i++) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (IOException e) {
                LOG.fine(() -> "accept failed: " + e);
                return;
            }
            if (ch == null) {
                return;
            }
            try {
                ch.configureBlocking(false);
                InetSocketAddress remote = (InetSocketAddress) ch.getRemoteAddress();
                String ip = remote.getAddress().getHostAddress();
                if (!makeRoom(ip)) {
                    refused.incrementAndGet();
                    closeQuietly(ch);
                    continue;
                }
                Connection c = new Connection(ch, ip, System.currentTimeMillis() + config.tcpRequestDeadline().toMillis());
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                open.add(c);
                openCount.incrementAndGet();
                byIp.computeIfAbsent(ip, k -> new ArrayDeque<>()).addLast(c);
            } catch (IOException e) {
                closeQuietly(ch);
            }
        }
    }

    /**
     * At a cap, the oldest connection still reading its request (of this IP, or overall) makes way
     * for the new one; one already being answered is never cut off. False when none can go.
     */
    private boolean makeRoom(String ip) {
        ArrayDeque<Connection> mine = byIp.get(ip);
        if (mine != null && mine.size() >= config.maxConnectionsPerIp() && !evictOldestReading(mine)) {
            return false;
        }
        return open.size() < config.maxConnections() || evictOldestReading(open);
    }

    private boolean evictOldestReading(Iterable<Connection> oldestFirst) {
        for (Connection c : oldestFirst) {
            if (!c.dispatched) {
                evicted.incrementAndGet();
                close(c);
                return true;
            }
        }
        return false;
    }

    private void read(Connection c) throws IOException {
        if (c.refusedHeader) {
            discardInput(c, MAX_DRAIN);
            return;
        }
        if (c.dispatched) {
            discardInput(c, Long.MAX_VALUE); // stray bytes after a request are ignored
            return;
        }
        if (c.body == null) {
            if (c.channel.read(c.header) < 0) {
                close(c);
                return;
            }
            if (c.header.hasRemaining()) {
                return;
            }
            try {
                c.parsed = TcrpCodec.decodeHeader(c.header.array(), 0, TcrpCodec.HEADER_SIZE);
            } catch (ProtocolException e) {
                badRequests.incrementAndGet();
                LOG.fine(() -> "bad TCRP header from " + c.ip + ": " + e.getMessage());
                // The whole header arrived, so the client is waiting for an answer: say what was wrong (TCP, so no amplification).
                c.refusedHeader = true;
                c.key.interestOps(0);
                answer(c, RequestHandler.refusedWire(operationOr(c.header.get(1), Operation.CREATE_ROOM), "",
                        ErrorCode.BAD_REQUEST, e.getMessage()));
                return;
            }
            c.body = ByteBuffer.allocate(c.parsed.bodySize());
        }
        if (c.body.hasRemaining() && c.channel.read(c.body) < 0) {
            close(c);
            return;
        }
        if (!c.body.hasRemaining()) {
            c.dispatched = true;
            dispatch(c);
        }
    }

    /**
     * Reads and drops input that no one expects (after a refused header, or after a whole request)
     * and cuts the connection once more than {@code cap} bytes came. End of stream closes it: OCM and
     * seed clients never half-close, so the client hung up, and a worker that has not started on its
     * request skips it.
     */
    private void discardInput(Connection c, long cap) throws IOException {
        discard.clear();
        int n = c.channel.read(discard);
        if (n < 0) {
            LOG.fine(() -> "a client from " + c.ip + " closed its connection");
            close(c);
        } else if ((c.discarded += n) > cap) {
            close(c);
        }
    }

    private void dispatch(Connection c) {
        TcrpFrame frame;
        TcrpRequest request;
        try {
            frame = TcrpCodec.decodeBody(c.parsed, c.body.array(), 0, c.body.capacity());
            request = TcrpMessages.decodeRequest(frame);
        } catch (ProtocolException e) {
            badRequests.incrementAndGet();
            LOG.info(() -> "refused a request from " + c.ip + ": " + e.getMessage());
            answer(c, RequestHandler.refusedWire(c.parsed.operation(), "", ErrorCode.BAD_REQUEST, e.getMessage()));
            return;
        }
        int mine = inFlight.getOrDefault(c.ip, 0);
        if (mine >= abuse.maxRequestsInFlightPerIp()) {
            refuseBusy(c, frame, "too many requests from your address at once (" + mine + "); try again shortly");
            return;
        }
        inFlight.put(c.ip, mine + 1);
        try {
            workers.execute(() -> {
                byte[] reply = null;
                if (c.channel.isOpen()) {
                    reply = handler.answer(request, frame.operation(), frame.roomName(), c.ip);
                } else {
                    skipped.incrementAndGet();
                }
                byte[] r = reply;
                done.add(() -> {
                    release(c.ip);
                    if (r != null) {
                        answer(c, r);
                    }
                });
                selector.wakeup();
            });
            dispatched.incrementAndGet();
        } catch (RejectedExecutionException e) {
            release(c.ip);
            refuseBusy(c, frame, "the server is busy; try again shortly");
        }
    }

    private void refuseBusy(Connection c, TcrpFrame frame, String message) {
        busyRefusals.incrementAndGet();
        LOG.fine(() -> "refused a request from " + c.ip + ": " + message);
        answer(c, RequestHandler.refusedWire(frame.operation(), frame.roomName(), ErrorCode.SERVER_FULL, message));
    }

    private void release(String ip) {
        inFlight.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Sends the encoded answer ({@link RequestHandler#wire} has checked every frame's size). */
    private void answer(Connection c, byte[] reply) {
        if (!c.channel.isOpen()) {
            return;
        }
        c.out = ByteBuffer.wrap(reply);
        try {
            write(c);
        } catch (IOException e) {
            close(c);
        }
    }

    private void write(Connection c) throws IOException {
        if (c.out == null) {
            return;
        }
        c.channel.write(c.out);
        if (c.out.hasRemaining()) {
            c.key.interestOps(SelectionKey.OP_WRITE);
        } else if (c.refusedHeader) {
            // Closing with unread input would reset the connection and could discard the refusal before the client
            // reads it; so finish sending, then drop what still comes until the client closes (or the deadline).
            c.channel.shutdownOutput();
            c.key.interestOps(SelectionKey.OP_READ);
        } else {
            close(c);
        }
    }

    /** The operation named by a header byte, or {@code fallback} if it names none (the refusal must name one). */
    private static Operation operationOr(byte code, Operation fallback) {
        try {
            return Operation.ofCode(code & 0xFF);
        } catch (ProtocolException e) {
            return fallback;
        }
    }

    private void expire(long now) {
        while (!open.isEmpty()) {
            Connection c = open.iterator().next();
            if (c.deadline > now) {
                return;
            }
            timedOut.incrementAndGet();
            LOG.fine(() -> "closed a connection from " + c.ip + ": request not complete within the deadline");
            close(c);
        }
    }

    private void close(Connection c) {
        if (c == null || !open.remove(c)) {
            return;
        }
        openCount.decrementAndGet();
        ArrayDeque<Connection> mine = byIp.get(c.ip);
        if (mine != null) {
            mine.remove(c);
            if (mine.isEmpty()) {
                byIp.remove(c.ip);
            }
        }
        if (c.key != null) {
            c.key.cancel();
        }
        closeQuietly(c.channel);
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.finest(() -> "close: " + e);
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            selector.close();
            server.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing the TCP socket: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
