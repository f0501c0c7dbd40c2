package ocm.server.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import ocm.protocol.ErrorCode;
import ocm.protocol.ProtocolException;
import ocm.protocol.reliable.ReceiveWindow;
import ocm.protocol.reliable.RttEstimator;
import ocm.protocol.reliable.SendWindow;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;

/**
 * A UCRP v2 client for tests: registers, sends chats reliably (retransmitting until acknowledged),
 * receives deliveries once and in order (acking them), pings, and re-registers when the server
 * says NOT_REGISTERED. One thread ({@code ocm-recv}) does receiving and timers; the public
 * methods may be called from any thread.
 */
public final class V2TestClient implements AutoCloseable {
    private final DatagramSocket socket;
    private volatile InetSocketAddress server;
    private final String room;
    private final String token;
    private final Random random = new Random();
    private final Thread thread;
    private final long pingEveryMillis;

    private int session;
    private boolean registered;
    private long lastRegisterSent;
    private long lastPing;
    private ReceiveWindow<Packet.Reliable> deliveries = new ReceiveWindow<>(256, 0);
    private final SendWindow<Packet.Chat> chats;
    private int lastMsgId;
    private final List<Packet.ChatMessage> messages = new ArrayList<>();
    private final List<Packet.RoomEvent> events = new ArrayList<>();
    private final List<Packet.Error> errors = new ArrayList<>();
    private final List<Packet.Accepted> accepted = new ArrayList<>();
    private List<Packet.Member> members = List.of();
    private Packet.Ended ended;
    private int welcomes;
    private final List<Long> pongs = new ArrayList<>();
    private long bytesReceived;
    /** Chat messages delivered with a msgId not above the last shown: duplicates or disorder from the server. */
    private int staleDeliveries;
    private boolean pingEnabled = true;
    private volatile boolean running = true;

    public V2TestClient(int udpPort, String room, String token) throws SocketException {
        this(udpPort, room, token, 1000);
    }

    public V2TestClient(int udpPort, String room, String token, long pingEveryMillis) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(5);
        socket.setReceiveBufferSize(1 << 20);
        this.server = new InetSocketAddress("127.0.0.1", udpPort);
        this.room = room;
        this.token = token;
        this.pingEveryMillis = pingEveryMillis;
        this.chats = new SendWindow<>(1024, random.nextInt(), new RttEstimator());
        this.thread = new Thread(this::loop, "ocm-recv");
        thread.setDaemon(true);
        thread.start();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public void retarget(int udpPort) {
        server = new InetSocketAddress("127.0.0.1", udpPort);
    }

    /** Starts a new session; the thread retransmits it until welcomed. */
    public synchronized void register() {
        session = random.nextInt();
        registered = false;
        sendRegister(System.currentTimeMillis());
    }

    private void sendRegister(long now) {
        lastRegisterSent = now;
        send(new Packet.Register(session, lastMsgId, chats.oldestUnacked()));
    }

    public synchronized void say(String text) {
        say(text, false);
    }

    public synchronized void say(String text, boolean action) {
        while (!chats.hasRoom()) {
            try {
                wait(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Packet.Chat c = new Packet.Chat(chats.nextSeq(), action, text);
        chats.add(c, System.currentTimeMillis());
        if (registered) {
            send(c);
        }
    }

    public synchronized void leave() {
        send(new Packet.Leave());
    }

    public synchronized void kick(String target, String reason) {
        send(new Packet.Kick(target, reason));
    }

    public synchronized void closeRoom(String reason) {
        send(new Packet.Close(reason));
    }

    /** Stops pinging (to let the server's idle timeout fire). */
    public synchronized void stopPinging() {
        pingEnabled = false;
    }

    /** Sends raw packets with this client's room and token (for tests of odd input); returns the datagram's size. */
    public synchronized int sendPackets(Packet... packets) {
        return send(packets);
    }

    private int send(Packet... packets) {
        byte[] bytes = V2Codec.encode(new V2Datagram(room, token, List.of(packets)));
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        } catch (IOException e) {
            // The retransmission timer tries again; a closed socket ends the loop.
        }
        return bytes.length;
    }

    /** The seq this client's next chat would get (for raw chats in its window). */
    public synchronized int nextChatSeq() {
        return chats.nextSeq();
    }

    /** The nonces of the pongs received so far, in order. */
    public synchronized List<Long> pongs() {
        return List.copyOf(pongs);
    }

    /** Bytes of every datagram received so far (decodable or not). */
    public synchronized long bytesReceived() {
        return bytesReceived;
    }

    private void loop() {
        byte[] buf = new byte[65536];
        while (running && !socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                synchronized (this) {
                    bytesReceived += p.getLength();
                }
                V2Datagram d = V2Codec.decode(ByteBuffer.wrap(p.getData(), 0, p.getLength()).slice());
                handle(d);
            } catch (SocketTimeoutException e) {
                // timers below
            } catch (IOException e) {
                return;
            } catch (ProtocolException e) {
                // ignore what cannot be decoded
            }
            timers(System.currentTimeMillis());
        }
    }

    private synchronized void handle(V2Datagram d) {
        boolean reliableSeen = false;
        long now = System.currentTimeMillis();
        for (Packet p : d.packets()) {
            if (p instanceof Packet.Welcome w) {
                if (w.session() == session && !registered) {
                    registered = true;
                    welcomes++;
                    deliveries = new ReceiveWindow<>(256, w.firstDseq());
                    resendAllChats();
                }
            } else if (p instanceof Packet.Reliable r) {
                if (registered) {
                    deliveries.offer(r.dseq(), r);
                    reliableSeen = true;
                }
            } else if (p instanceof Packet.Pong pong) {
                pongs.add(pong.nonce());
            } else if (p instanceof Packet.Accepted a) {
                accepted.add(a);
                chats.ack(a.seq(), now);
            } else if (p instanceof Packet.Ack a) {
                chats.ack(a.cumulative(), a.mask(), now);
            } else if (p instanceof Packet.Ended e) {
                ended = e;
                running = false;
            } else if (p instanceof Packet.Error e) {
                errors.add(e);
                if (e.code() == ErrorCode.NOT_REGISTERED) {
                    session = random.nextInt();
                    registered = false;
                    sendRegister(now);
                }
            }
        }
        if (reliableSeen) {
            Packet.Reliable r;
            while ((r = deliveries.poll()) != null) {
                deliver(r);
            }
            send(new Packet.Ack(deliveries.cumulative(), deliveries.mask()));
        }
        notifyAll();
    }

    private void deliver(Packet.Reliable r) {
        if (r instanceof Packet.ChatMessage m) {
            if (m.msgId() > lastMsgId) {
                lastMsgId = m.msgId();
                messages.add(m);
            } else {
                staleDeliveries++;
            }
        } else if (r instanceof Packet.RoomEvent e) {
            events.add(e);
        } else if (r instanceof Packet.MemberList l) {
            members = l.members();
        }
    }

    private void resendAllChats() {
        for (int s = chats.oldestUnacked(); s != chats.nextSeq(); s++) {
            Packet.Chat c = chats.get(s);
            if (c != null) {
                send(c);
            }
        }
    }

    private synchronized void timers(long now) {
        if (ended != null) {
            return;
        }
        if (!registered) {
            if (session != 0 && now - lastRegisterSent >= 200) {
                sendRegister(now);
            }
            return;
        }
        chats.poll(now, new SendWindow.Retransmitter<>() {
            @Override
            public void resend(int seq, Packet.Chat item) {
                send(item);
            }

            @Override
            public void giveUp(int seq, Packet.Chat item) {
                errors.add(new Packet.Error(ErrorCode.INTERNAL, "gave up on chat " + seq));
            }
        });
        if (pingEnabled && now - lastPing >= pingEveryMillis) {
            lastPing = now;
            send(new Packet.Ping(now));
        }
    }

    // ---- what arrived ------------------------------------------------------------------

    public synchronized List<Packet.ChatMessage> messages() {
        return new ArrayList<>(messages);
    }

    public synchronized List<Packet.RoomEvent> events() {
        return new ArrayList<>(events);
    }

    public synchronized List<Packet.Error> errors() {
        return new ArrayList<>(errors);
    }

    public synchronized List<Packet.Accepted> accepted() {
        return new ArrayList<>(accepted);
    }

    public synchronized List<Packet.Member> members() {
        return members;
    }

    public synchronized Packet.Ended ended() {
        return ended;
    }

    public synchronized boolean registered() {
        return registered;
    }

    /** The current session number (for replay tests). */
    public synchronized int session() {
        return session;
    }

    public synchronized int staleDeliveries() {
        return staleDeliveries;
    }

    public synchronized int welcomes() {
        return welcomes;
    }

    /** Chats sent and not yet acknowledged. */
    public synchronized int unacked() {
        return chats.outstanding();
    }

    /** Waits until {@code condition} (checked under this client's lock) holds. */
    public void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.currentTimeMillis() + timeout.toMillis();
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + " (messages=" + messages.size()
                            + ", events=" + events.size() + ", errors=" + errors + ", ended=" + ended + ")");
                }
                wait(Math.min(left, 50));
            }
        }
    }

    public void awaitRegistered(Duration timeout) throws InterruptedException {
        await("welcome", () -> registered, timeout);
    }

    public void awaitEnded(Duration timeout) throws InterruptedException {
        await("ended", () -> ended != null, timeout);
    }

    @Override
    public void close() {
        running = false;
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
