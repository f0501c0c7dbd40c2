package ocm.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;
import ocm.client.net.ChatService;
import ocm.client.net.ClientException;
import ocm.client.net.Membership;
import ocm.client.net.NetEvent;
import ocm.client.net.RoomRequest;
import ocm.client.net.ServerAddress;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.RoomListing;
import ocm.server.local.InProcessLink;
import ocm.server.local.LocalRooms;
import ocm.server.room.Announcement;
import ocm.server.room.ChatRecord;
import ocm.server.room.RoomException;

/**
 * The client's network layer for an SSH session, in the server's own process: rooms through
 * {@link LocalRooms} (the TCP side's rules, the SSH user's own IP and key), deliveries through an
 * {@link InProcessLink} per room, drained on the session's UI thread ({@code onUi}), so a
 * session that cannot keep up fills its own bounded inbox and is removed from the room, as any
 * member too far behind. The name is the SSH login's, whatever the screens ask for.
 *
 * <p>The screens know a room only once {@link #enter} has returned and its result reached the UI
 * thread; what the room sends before then (the member list, the history) would be dropped. So a
 * room's deliveries are held ({@link Gate}) until {@code afterEnter} runs, which must be after the
 * UI has taken the membership: the session passes its UI worker, which runs it after the enter
 * (whose result it posts first).
 */
final class LocalChatService implements ChatService {
    private static final Logger LOG = Logger.getLogger("ocm.ssh");
    /** Items a session's inbox holds per room, as a v2 member's backlog. */
    static final int INBOX = 2048;
    private static final long SHUTDOWN_WAIT_MILLIS = 2_000;

    /** One room this session is in. */
    private record Joined(String token, InProcessLink link) {
    }

    private final LocalRooms rooms;
    private final ServerAddress server;
    private final String user;
    private final String ip;
    private final Optional<String> key;
    private final Consumer<Runnable> onUi;
    private final Consumer<Runnable> afterEnter;
    private final Map<String, Joined> joined = new ConcurrentHashMap<>();
    private final AtomicLong localIds = new AtomicLong();
    private volatile Consumer<NetEvent> listener = e -> { };
    private volatile boolean closed;

    LocalChatService(LocalRooms rooms, ServerAddress server, String user, String ip, Optional<String> key,
                     Consumer<Runnable> onUi, Consumer<Runnable> afterEnter) {
        this.rooms = rooms;
        this.server = server;
        this.user = user;
        this.ip = ip;
        this.key = key;
        this.onUi = onUi;
        this.afterEnter = afterEnter;
    }

    @Override
    public void setListener(Consumer<NetEvent> listener) {
        this.listener = listener;
    }

    @Override
    public ServerAddress server() {
        return server;
    }

    @Override
    public List<RoomListing.RoomSummary> listRooms() throws ClientException {
        try {
            return rooms.list().rooms();
        } catch (RoomException e) {
            throw new ClientException(e.getMessage());
        }
    }

    @Override
    public Membership enter(RoomRequest request) throws ClientException {
        if (closed) {
            throw new ClientException("the session is ending");
        }
        Admission a;
        try {
            a = rooms.enter(request.create(), request.room(), user, request.password(), ip, key);
        } catch (RoomException e) {
            throw new ClientException(e.getMessage());
        }
        String room = a.room().isEmpty() ? request.room() : a.room();
        InProcessLink[] self = new InProcessLink[1];
        long attachedAt = System.currentTimeMillis();
        Gate gate = new Gate(() -> onUi.accept(() -> drain(room, self[0], attachedAt)));
        self[0] = new InProcessLink(INBOX, gate::wake);
        Joined old = joined.put(room, new Joined(a.token(), self[0]));
        if (old != null) {
            rooms.leave(old.token());
        }
        try {
            rooms.attach(a.token(), self[0]).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ClientException("joined " + room + " but could not follow it: " + e.getMessage());
        }
        afterEnter.accept(() -> {
            emit(new NetEvent.Status(room, NetEvent.LinkState.LIVE, -1, 0));
            gate.open();
        });
        return new Membership(room, a.username().isEmpty() ? user : a.username(), a.host(), a.hostName(), a.members(), a.locked());
    }

    /** UI thread: everything the room sent since the last drain, as the events the screens know. */
    private void drain(String room, InProcessLink link, long attachedAt) {
        link.drainStarts();
        for (Object o = link.poll(); o != null; o = link.poll()) {
            if (o instanceof ChatRecord r) {
                emit(new NetEvent.Message(room, r.msgId(), r.timestampMillis(), r.action(), r.sender(), r.text(),
                        r.timestampMillis() < attachedAt));
            } else if (o instanceof Announcement e) {
                emit(new NetEvent.RoomEvent(room, e.timestampMillis(), e.kind(), e.name(), e.text()));
            } else if (o instanceof InProcessLink.Members m) {
                emit(new NetEvent.Members(room, m.rows()));
            } else if (o instanceof InProcessLink.Closing c) {
                emit(new NetEvent.Notice(room, c.message()));
            } else if (o instanceof InProcessLink.Ending end) {
                joined.remove(room, joinedWith(room, link));
                emit(new NetEvent.Status(room, NetEvent.LinkState.ENDED, -1, 0));
                emit(new NetEvent.Ended(room, Optional.of(end.reason()), end.message()));
                return;
            }
        }
    }

    private Joined joinedWith(String room, InProcessLink link) {
        Joined j = joined.get(room);
        return j != null && j.link() == link ? j : null;
    }

    @Override
    public long send(String room, String text, boolean action) {
        long id = localIds.incrementAndGet();
        Joined j = joined.get(room);
        if (j == null) {
            emit(new NetEvent.NotDelivered(room, id, "you are not in this room"));
            return id;
        }
        rooms.chat(j.token(), action, text).whenComplete((r, err) -> {
            if (err == null) {
                emit(new NetEvent.Delivered(room, id, r.msgId(), r.timestampMillis()));
            } else {
                emit(new NetEvent.NotDelivered(room, id, why(err)));
            }
        });
        return id;
    }

    @Override
    public void leave(String room) {
        Joined j = joined.get(room);
        if (j != null) {
            rooms.leave(j.token());
        }
    }

    @Override
    public void kick(String room, String target, String reason) {
        onRoom(room, j -> rooms.kick(j.token(), target, reason));
    }

    @Override
    public void closeRoom(String room, String reason) {
        onRoom(room, j -> rooms.close(j.token(), reason));
    }

    private void onRoom(String room, java.util.function.Function<Joined, CompletableFuture<Boolean>> action) {
        Joined j = joined.get(room);
        if (j == null) {
            emit(new NetEvent.Notice(room, "you are no longer in this room"));
            return;
        }
        action.apply(j).whenComplete((ok, err) -> {
            if (err != null) {
                emit(new NetEvent.Notice(room, why(err)));
            }
        });
    }

    @Override
    public String whois(String name) {
        Set<String> keys = rooms.ownersOf(name);
        if (keys.isEmpty()) {
            return name + ": no key owns this name (a guest, or a client without a key)";
        }
        return name + ": owned by key " + String.join(", ", keys);
    }

    @Override
    public void stopRequests() {
        closed = true;
    }

    /** Leaves every room, waiting briefly for the relay to have done it. */
    @Override
    public void shutdown() {
        closed = true;
        List<CompletableFuture<Boolean>> leaving = new ArrayList<>();
        for (Joined j : joined.values()) {
            leaving.add(rooms.leave(j.token()));
        }
        joined.clear();
        try {
            CompletableFuture.allOf(leaving.toArray(CompletableFuture[]::new)).get(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.fine("leaving rooms at the end of an SSH session: " + e.getMessage());
        }
    }

    private static String why(Throwable err) {
        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        return t instanceof RoomException ? t.getMessage() : "internal error: " + t;
    }

    private void emit(NetEvent e) {
        try {
            listener.accept(e);
        } catch (RuntimeException ex) {
            LOG.warning("event listener failed on " + e + ": " + ex);
        }
    }

    /** Holds a room's wake-ups until the screens know the room, then lets them through. */
    private static final class Gate {
        private final Runnable wake;
        private boolean open;
        private boolean pending;

        Gate(Runnable wake) {
            this.wake = wake;
        }

        void wake() {
            synchronized (this) {
                if (!open) {
                    pending = true;
                    return;
                }
            }
            wake.run();
        }

        void open() {
            boolean run;
            synchronized (this) {
                open = true;
                run = pending;
            }
            if (run) {
                wake.run();
            }
        }
    }
}
