package ocm.server.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP proxy on loopback that loses, duplicates, delays and so reorders datagrams, both ways,
 * from a seeded random source (this kernel has no {@code tc netem}). Clients send to
 * {@link #port()}; each client gets its own upstream socket, so the server sees one stable
 * address per client. Reusable by the client and bench tests (server test-jar).
 *
 * <pre>
 * try (LossyUdpProxy p = new LossyUdpProxy(serverUdpPort, LossyUdpProxy.Impairment.of(0.2, 0.05, 0.2, 30), 42)) {
 *     new V2TestClient(p.port(), room, token) ...
 * }
 * </pre>
 */
public final class LossyUdpProxy implements AutoCloseable {
    /**
     * What happens to each datagram: dropped with {@code drop}, else sent twice with
     * {@code duplicate}, and each copy held back with {@code delay} for up to {@code maxDelayMillis}
     * (held-back copies overtake later ones: reordering).
     */
    public record Impairment(double drop, double duplicate, double delay, int maxDelayMillis) {
        public static Impairment of(double drop, double duplicate, double delay, int maxDelayMillis) {
            return new Impairment(drop, duplicate, delay, maxDelayMillis);
        }

        public static Impairment none() {
            return new Impairment(0, 0, 0, 0);
        }
    }

    private final InetSocketAddress server;
    private final Impairment impairment;
    private final DatagramSocket front;
    private final Random upRandom;
    private final Random downRandom;
    private final Map<InetSocketAddress, Upstream> upstreams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService delayer;
    private final Thread frontThread;
    private volatile boolean running = true;
    public final AtomicLong dropped = new AtomicLong();
    public final AtomicLong duplicated = new AtomicLong();
    public final AtomicLong delayed = new AtomicLong();
    public final AtomicLong forwarded = new AtomicLong();

    public LossyUdpProxy(int serverUdpPort, Impairment impairment, long seed) throws SocketException {
        this.server = new InetSocketAddress("127.0.0.1", serverUdpPort);
        this.impairment = impairment;
        this.upRandom = new Random(seed);
        this.downRandom = new Random(seed * 31 + 7);
        this.front = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        front.setReceiveBufferSize(4 << 20);
        this.delayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lossy-proxy-delay");
            t.setDaemon(true);
            return t;
        });
        this.frontThread = new Thread(this::pumpFront, "lossy-proxy-front");
        frontThread.setDaemon(true);
        frontThread.start();
    }

    /** Where clients send. */
    public int port() {
        return front.getLocalPort();
    }

    /** Client to server. */
    private void pumpFront() {
        byte[] buf = new byte[65536];
        while (running) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                front.receive(p);
                InetSocketAddress client = (InetSocketAddress) p.getSocketAddress();
                Upstream up = upstreams.computeIfAbsent(client, this::open);
                if (up != null) {
                    impair(upRandom, Arrays.copyOf(p.getData(), p.getLength()), up.socket, server);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private Upstream open(InetSocketAddress client) {
        try {
            Upstream up = new Upstream(client);
            up.thread.start();
            return up;
        } catch (SocketException e) {
            return null;
        }
    }

    /** One client's socket towards the server and the thread bringing the answers back. */
    private final class Upstream {
        final InetSocketAddress client;
        final DatagramSocket socket;
        final Thread thread;

        Upstream(InetSocketAddress client) throws SocketException {
            this.client = client;
            this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            socket.setReceiveBufferSize(4 << 20);
            this.thread = new Thread(this::pump, "lossy-proxy-up-" + client.getPort());
            thread.setDaemon(true);
        }

        private void pump() {
            byte[] buf = new byte[65536];
            while (running) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    impair(downRandom, Arrays.copyOf(p.getData(), p.getLength()), front, client);
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    private void impair(Random random, byte[] data, DatagramSocket via, InetSocketAddress to) {
        int copies;
        long[] delays;
        synchronized (random) {
            if (random.nextDouble() < impairment.drop()) {
                dropped.incrementAndGet();
                return;
            }
            copies = random.nextDouble() < impairment.duplicate() ? 2 : 1;
            delays = new long[copies];
            for (int i = 0; i < copies; i++) {
                delays[i] = random.nextDouble() < impairment.delay() ? 1 + random.nextInt(Math.max(1, impairment.maxDelayMillis())) : 0;
            }
        }
        if (copies == 2) {
            duplicated.incrementAndGet();
        }
        for (long d : delays) {
            if (d == 0) {
                send(via, data, to);
            } else {
                delayed.incrementAndGet();
                delayer.schedule(() -> send(via, data, to), d, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void send(DatagramSocket via, byte[] data, InetSocketAddress to) {
        try {
            via.send(new DatagramPacket(data, data.length, to));
            forwarded.incrementAndGet();
        } catch (IOException e) {
            // closed while stopping
        }
    }

    @Override
    public void close() {
        running = false;
        front.close();
        for (Upstream up : upstreams.values()) {
            up.socket.close();
        }
        delayer.shutdownNow();
        try {
            frontThread.join(2000);
            for (Upstream up : upstreams.values()) {
                up.thread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
