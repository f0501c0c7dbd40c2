package ocm.client.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import ocm.client.net.ChatService;
import ocm.client.net.ClientException;
import ocm.client.net.Membership;
import ocm.client.net.NetEvent;
import ocm.client.net.RoomRequest;
import ocm.client.net.ServerAddress;
import ocm.protocol.tcrp.RoomListing.RoomSummary;

/** A network layer with no network: the screens under test talk to this, the test plays the server. */
public final class FakeChatService implements ChatService {
    /** One call the screens made. */
    public record Sent(String room, long id, String text, boolean action) {
    }

    public final List<RoomSummary> rooms = new CopyOnWriteArrayList<>();
    public final List<RoomRequest> entered = new CopyOnWriteArrayList<>();
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<String> refuse = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong();
    private volatile Consumer<NetEvent> listener = e -> { };
    public volatile boolean shutdown;
    /** Test hook: enter() of these rooms waits until {@link #stopRequests}, like a server that never answers. */
    public final List<String> hang = new CopyOnWriteArrayList<>();
    /** Test hook: rooms whose chat (UDP) side never answers; every other room reports its link live on entering. */
    public final List<String> udpSilent = new CopyOnWriteArrayList<>();
    /** Test hook: listRooms() waits until {@link #stopRequests}. */
    public volatile boolean hangList;
    private final CountDownLatch requestsStopped = new CountDownLatch(1);
    /** Test hook: thrown from {@link #setListener}, which the chat screens call on the UI thread. */
    public volatile Error failOnSetListener;

    @Override
    public void setListener(Consumer<NetEvent> listener) {
        if (failOnSetListener != null) {
            throw failOnSetListener;
        }
        this.listener = listener;
    }

    public void emit(NetEvent e) {
        listener.accept(e);
    }

    /** How many room lists were asked for. */
    public final java.util.concurrent.atomic.AtomicInteger listCalls = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public ServerAddress server() {
        return new ServerAddress("127.0.0.1", 9090, 9091);
    }

    @Override
    public List<RoomSummary> listRooms() throws ClientException {
        listCalls.incrementAndGet();
        if (hangList) {
            hangUntilStopped();
        }
        return List.copyOf(rooms);
    }

    @Override
    public Membership enter(RoomRequest r) throws ClientException {
        if (hang.contains(r.room())) {
            hangUntilStopped();
        }
        if (refuse.contains(r.room())) {
            throw new ClientException("wrong password for " + r.room());
        }
        entered.add(r);
        if (!udpSilent.contains(r.room())) {
            // As the real session does: the Welcome may well come before the UI has shown the room.
            emit(new NetEvent.Status(r.room(), NetEvent.LinkState.LIVE, 12, 0));
        }
        List<String> members = r.create() ? List.of(r.user()) : List.of("bob", r.user());
        return new Membership(r.room(), r.user(), r.create(), r.create() ? r.user() : "bob", members,
                r.password().isPresent());
    }

    @Override
    public long send(String room, String text, boolean action) {
        long id = ids.incrementAndGet();
        sent.add(new Sent(room, id, text, action));
        return id;
    }

    @Override
    public void leave(String room) {
        calls.add("leave " + room);
    }

    @Override
    public void kick(String room, String user, String reason) {
        calls.add("kick " + room + " " + user);
    }

    @Override
    public void closeRoom(String room, String reason) {
        calls.add("close " + room);
    }

    @Override
    public void stopRequests() {
        calls.add("stop requests");
        requestsStopped.countDown();
    }

    @Override
    public void shutdown() {
        shutdown = true;
        requestsStopped.countDown();
    }

    /** Blocks like a request to a silent server: until the requests are stopped (30 s at most, so a broken test ends). */
    private void hangUntilStopped() throws ClientException {
        try {
            requestsStopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ClientException("request stopped");
    }

    public static Optional<String> none() {
        return Optional.empty();
    }
}
