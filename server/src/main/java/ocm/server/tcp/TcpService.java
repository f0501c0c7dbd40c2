package ocm.server.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.ProtocolException;
import ocm.protocol.tcrp.Operation;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.protocol.tcrp.TcrpRequest;
import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import ocm.protocol.tls.FirstBytes;
import ocm.server.tls.PlainIo;
import ocm.server.tls.ServerIdentity;
import ocm.server.tls.TlsIo;
import ocm.server.tls.TlsPort;

/**
 * The TCRP service: the selector loop. One thread ({@code ocm-tcp-0}) accepts and reads requests
 * from every connection without blocking, so a slow or silent client holds up no one; each
 * connection must deliver its whole request and take its answer within the deadline. The caps
 * and eviction are {@link OpenConnections}'s, the per-IP request cap {@link RequestsInFlight}'s;
 * requests are answered by {@link RequestWorkers} ({@code ocm-tcp-1..2}). Its state belongs to
 * the selector thread; the workers touch only the counters (atomics) and call the answerer.
 */
public final class TcpService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("ocm.server.tcp");
    /** After a refused header, at most this much of what follows is read and dropped before the connection is cut. */
    private static final int MAX_DRAIN = 64 * 1024;

    private final ServerConfig config;
    private final RequestAnswerer handler;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private final RequestWorkers workers;
    private final OpenConnections<Connection> open;
    private final RequestsInFlight inFlight;
    private final TcpCounters counters = new TcpCounters();
    private final Clock clock;
    private final TlsPort tls;
    private volatile boolean running = true;
    /** Scratch space for dropped input. */
    private final ByteBuffer discard = ByteBuffer.allocate(4096);

    /** With a new in-memory TLS key, clear clients allowed (tests). */
    public TcpService(ServerConfig config, AbuseLimits abuse, RequestAnswerer handler, Clock clock) throws IOException {
        this(config, abuse, handler, clock, new TlsPort(ServerIdentity.loadOrCreate(java.util.Optional.empty()), false));
    }

    public TcpService(ServerConfig config, AbuseLimits abuse, RequestAnswerer handler, Clock clock, TlsPort tls) throws IOException {
        this.config = config;
        this.tls = tls;
        this.clock = clock;
        this.handler = handler;
        this.open = new OpenConnections<>(config.maxConnections(), config.maxConnectionsPerIp());
        this.inFlight = new RequestsInFlight(abuse.maxRequestsInFlightPerIp());
        this.server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(config.host(), config.tcpPort()), 1024);
        server.configureBlocking(false);
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::run, "ocm-tcp-0");
        this.workers = new RequestWorkers(RequestWorkers.MAX_QUEUED, selector::wakeup);
    }

    public void start() {
        thread.start();
    }

    /** Who is told if this thread dies of an uncaught Error (the server exits then); before {@link #start}. */
    public void onDeath(Thread.UncaughtExceptionHandler handler) {
        thread.setUncaughtExceptionHandler(handler);
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    /** Safe from any thread. */
    public int openConnections() {
        return open.size();
    }

    /** What was dropped, refused and handed on so far; safe from any thread. */
    public TcpCounters counters() {
        return counters;
    }

    /** Connections and requests dropped or refused, by reason (non-zero only, stable order), for the admin stats. */
    public Map<String, Long> dropsByReason() {
        return counters.dropsByReason();
    }

    private void run() {
        while (running) {
            try {
                selector.select(open.millisToNextDeadline(clock.millis(), 1000));
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(key);
                }
                workers.runFinished();
                expire(clock.millis());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "TCP service turn failed: " + e, e);
            }
        }
        for (Connection c : open.snapshot()) {
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
                wantHandshakeFlush(c);
            } else if (key.isWritable()) {
                write(c);
            }
        } catch (IOException e) {
            close(c);
        }
    }

    /** TLS handshake records the channel did not take at once: be woken when it can. */
    private void wantHandshakeFlush(Connection c) throws IOException {
        if (c.io != null && c.out == null && c.key.isValid() && !c.io.flush()) {
            c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
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
                admit(ch, remote.getAddress().getHostAddress());
            } catch (IOException e) {
                closeQuietly(ch);
            }
        }
    }

    /** Adds the new connection to the table, closing whoever made way for it, or refuses it if none could. */
    private void admit(SocketChannel ch, String ip) throws IOException {
        OpenConnections.Verdict<Connection> verdict = open.makeRoom(ip);
        for (Connection gone : verdict.evicted()) {
            counters.evicted.incrementAndGet();
            closeRemoved(gone);
        }
        if (!verdict.admitted()) {
            counters.refused.incrementAndGet();
            closeQuietly(ch);
            return;
        }
        Connection c = new Connection(ch, ip, clock.millis() + config.tcpRequestDeadline().toMillis());
        c.key = ch.register(selector, SelectionKey.OP_READ, c);
        open.add(c);
        counters.accepted.incrementAndGet();
    }

    private void read(Connection c) throws IOException {
        if (c.refusedHeader) {
            discardInput(c, MAX_DRAIN);
            return;
        }
        if (c.dispatched) {
            // Stray bytes after a request are ignored, up to 64 KiB as after a bad header: beyond
            // that the client is flooding, not confused, and the connection is cut (its request
            // may still be with a worker, whose answer then has nowhere to go).
            discardInput(c, MAX_DRAIN);
            return;
        }
        if (c.io == null && !sniff(c)) {
            return;
        }
        if (c.body == null && !readHeader(c)) {
            return;
        }
        if (c.body.hasRemaining() && c.io.read(c.body) < 0) {
            close(c);
            return;
        }
        if (!c.body.hasRemaining()) {
            c.dispatched = true;
            dispatch(c);
        }
    }

    /**
     * Reads the first bytes into the header buffer and decides from {@link FirstBytes#NEEDED} of
     * them whether the connection is TLS (those bytes go to the TLS engine) or clear TCRP (they
     * stay as the start of the header). True once decided and the request may be read.
     */
    private boolean sniff(Connection c) throws IOException {
        if (c.channel.read(c.header) < 0) {
            close(c);
            return false;
        }
        FirstBytes.Kind kind = FirstBytes.classify(c.header.array(), 0, c.header.position());
        if (kind == FirstBytes.Kind.NEED_MORE) {
            return false;
        }
        if (kind == FirstBytes.Kind.TLS) {
            ByteBuffer first = c.header.flip();
            c.io = new TlsIo(c.channel, tls.identity().newEngine(), first);
            c.header.clear();
            counters.tls.incrementAndGet();
            return true;
        }
        c.io = new PlainIo(c.channel);
        if (tls.requireEncryption()) {
            // A clear client gets a TCRP refusal it can print, in clear (it has no other way to read one).
            counters.clearRefused.incrementAndGet();
            LOG.fine(() -> "refused a clear TCRP connection from " + c.ip + " (encryption required)");
            c.refusedHeader = true;
            c.key.interestOps(0);
            answer(c, RequestHandler.refusedWire(operationOr(c.header.get(1), Operation.CREATE_ROOM), "",
                    ErrorCode.BAD_REQUEST, TlsPort.REFUSAL));
            return false;
        }
        return true;
    }

    /**
     * Reads header bytes; once all 32 are in, bounds the body and allocates it (true), or answers
     * a bad header. False while there is no body to read yet (or the connection is closed or refused).
     */
    private boolean readHeader(Connection c) throws IOException {
        if (c.header.hasRemaining() && c.io.read(c.header) < 0) {
            close(c);
            return false;
        }
        if (c.header.hasRemaining()) {
            return false;
        }
        try {
            c.parsed = TcrpCodec.decodeHeader(c.header.array(), 0, TcrpCodec.HEADER_SIZE);
        } catch (ProtocolException e) {
            counters.badRequests.incrementAndGet();
            LOG.fine(() -> "bad TCRP header from " + c.ip + ": " + e.getMessage());
            // The whole header arrived, so the client is waiting for an answer: say what was wrong (TCP, so no amplification).
            c.refusedHeader = true;
            c.key.interestOps(0);
            answer(c, RequestHandler.refusedWire(operationOr(c.header.get(1), Operation.CREATE_ROOM), "",
                    ErrorCode.BAD_REQUEST, e.getMessage()));
            return false;
        }
        c.body = ByteBuffer.allocate(c.parsed.bodySize());
        return true;
    }

    /**
     * Reads and drops input that no one expects (after a refused header, or after a whole request)
     * and cuts the connection once more than {@code cap} bytes came. End of stream closes it: OCM and
     * seed clients never half-close, so the client hung up, and a worker that has not started on its
     * request skips it.
     */
    private void discardInput(Connection c, long cap) throws IOException {
        discard.clear();
        int n = c.io == null ? c.channel.read(discard) : c.io.read(discard);
        if (n < 0) {
            LOG.fine(() -> "a client from " + c.ip + " closed its connection");
            close(c);
        } else if ((c.discarded += n) > cap) {
            close(c);
        }
    }

    /** Decodes the complete request and hands it to a worker, or refuses it at once. */
    private void dispatch(Connection c) {
        TcrpFrame frame;
        TcrpRequest request;
        try {
            frame = TcrpCodec.decodeBody(c.parsed, c.body.array(), 0, c.body.capacity());
            request = TcrpMessages.decodeRequest(frame);
        } catch (ProtocolException e) {
            counters.badRequests.incrementAndGet();
            LOG.info(() -> "refused a request from " + c.ip + ": " + e.getMessage());
            answer(c, RequestHandler.refusedWire(c.parsed.operation(), "", ErrorCode.BAD_REQUEST, e.getMessage()));
            return;
        }
        if (!inFlight.tryStart(c.ip)) {
            refuseBusy(c, frame, "too many requests from your address at once (" + inFlight.of(c.ip) + "); try again shortly");
            return;
        }
        if (workers.submit(() -> answerOnWorker(c, request, frame), reply -> answered(c, reply))) {
            counters.dispatched.incrementAndGet();
        } else {
            inFlight.finish(c.ip);
            refuseBusy(c, frame, "the server is busy; try again shortly");
        }
    }

    /**
     * On a worker: the answer, or null if the client hung up while the request waited (no work
     * done). A bug in answering costs that client an INTERNAL refusal, never the worker or its
     * address's place in the in-flight count.
     */
    private byte[] answerOnWorker(Connection c, TcrpRequest request, TcrpFrame frame) {
        if (!c.channel.isOpen()) {
            counters.skipped.incrementAndGet();
            return null;
        }
        try {
            return handler.answer(request, frame.operation(), frame.roomName(), c.ip, c.io.secure());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "answering a " + frame.operation() + " request failed; refused it as INTERNAL", e);
            return RequestHandler.refusedWire(frame.operation(), frame.roomName(), ErrorCode.INTERNAL, "internal error");
        }
    }

    /** Back on the selector thread with a worker's answer (null when skipped). */
    private void answered(Connection c, byte[] reply) {
        inFlight.finish(c.ip);
        if (reply != null) {
            answer(c, reply);
        }
    }

    private void refuseBusy(Connection c, TcrpFrame frame, String message) {
        counters.busyRefusals.incrementAndGet();
        LOG.fine(() -> "refused a request from " + c.ip + ": " + message);
        answer(c, RequestHandler.refusedWire(frame.operation(), frame.roomName(), ErrorCode.SERVER_FULL, message));
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
            // Handshake records the channel could not take at once.
            if (c.io != null && c.io.flush()) {
                c.key.interestOps(SelectionKey.OP_READ);
            }
            return;
        }
        if (!c.written) {
            c.written = true;
            c.io.write(c.out);
        }
        if (!c.io.flush()) {
            c.key.interestOps(SelectionKey.OP_WRITE);
        } else if (c.refusedHeader || c.io.secure()) {
            // Closing with unread input would reset the connection and could discard the refusal before the client
            // reads it; so finish sending, then drop what still comes until the client closes (or the deadline).
            // A TLS client gets close_notify the same way, and closes when it has read its answer.
            c.io.shutdownOutput();
            c.refusedHeader = true;
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
        Connection c;
        while ((c = open.dueBy(now)) != null) {
            counters.timedOut.incrementAndGet();
            String ip = c.ip;
            LOG.fine(() -> "closed a connection from " + ip + ": request not complete within the deadline");
            close(c);
        }
    }

    /** Takes the connection out of the table and closes it; nothing if it is already closed. */
    private void close(Connection c) {
        if (c != null && open.remove(c)) {
            closeRemoved(c);
        }
    }

    /** Closes a connection already out of the table. */
    private static void closeRemoved(Connection c) {
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
