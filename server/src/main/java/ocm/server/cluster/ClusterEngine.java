package ocm.server.cluster;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.room.ChatRecord;
import ocm.server.room.Member;
import ocm.server.room.Room;
import ocm.server.room.RoomEngine;
import ocm.server.room.RoomException;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;

/**
 * The cluster engine: this node's rooms as copies of the cluster's, kept in step through Redis
 * (the Centrifugo model). The relay thread stays the only owner of the node's rooms: every
 * Redis call is asynchronous and its answer comes back as a relay task. A chat is numbered by
 * the room's script in Redis and delivered here only when it comes back on the room's channel,
 * in seq order: early items wait while the gap before them is read from the room's stream; a
 * node that starts following a room subscribes first, holds what arrives, reads the room's
 * snapshot (members, history, seq), then merges. A node follows a room only while it has members
 * there. Everything here but {@link #onMessage} and {@link #onSubscribed} runs on the relay thread.
 */
public final class ClusterEngine implements RoomEngine {
    private static final Logger LOG = Logger.getLogger("ocm.server.cluster");

    private final String node;
    private final RoomService rooms;
    private final RelayTasks relay;
    private final Clock clock;
    private final int historySize;
    private final String maxlen;
    private RedisBus bus;
    /** The rooms this node follows; relay thread only. */
    private final Map<String, RoomSync> syncs = new HashMap<>();
    /** True while applying an item of another node: what it does here is not spread again. */
    private boolean applying;
    /** Items parsed on Lettuce's thread, waiting for the relay: one relay task drains all that came meanwhile. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Arrived> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drainQueued = new java.util.concurrent.atomic.AtomicBoolean();

    private record Arrived(String room, Item item) {
    }

    public ClusterEngine(String node, RoomService rooms, RelayTasks relay, Clock clock, int historySize) {
        this.node = node;
        this.rooms = rooms;
        this.relay = relay;
        this.clock = clock;
        this.historySize = historySize;
        this.maxlen = String.valueOf(Math.max(historySize, 1) * 2L + 100);
    }

    void bus(RedisBus b) {
        bus = b;
    }

    String node() {
        return node;
    }

    String maxlen() {
        return maxlen;
    }

    private RoomRegistry registry() {
        return rooms.registry();
    }

    // ---- from Lettuce's threads -----------------------------------------------------------

    /** A published item: parsed here, off the relay thread, then handed to it. */
    void onMessage(String channel, String payload) {
        String room = Keys.roomOfChannel(channel);
        if (room == null) {
            return;
        }
        Item item;
        try {
            item = Item.parse(payload);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "ignored a malformed item on " + channel + ": " + e.getMessage());
            return;
        }
        inbox.add(new Arrived(room, item));
        if (drainQueued.compareAndSet(false, true)) {
            relay.execute(this::drainInbox); // one task (and one wake-up of the relay) per burst, not per item
        }
    }

    private void drainInbox() {
        drainQueued.set(false); // first: an item added after the loop below schedules the next drain
        Arrived a;
        while ((a = inbox.poll()) != null) {
            onItem(a.room(), a.item());
        }
    }

    /** The channel is subscribed (first time, or again after a reconnection). */
    void onSubscribed(String channel) {
        String room = Keys.roomOfChannel(channel);
        if (room != null) {
            relay.execute(() -> resubscribed(room));
        }
    }

    // ---- following a room -----------------------------------------------------------------

    /**
     * Makes sure this node follows the room, for an admission about to happen here: the future
     * completes once the room here is whole. Pair with {@link #admit} or {@link #settled}.
     */
    CompletableFuture<Void> follow(String room) {
        RoomSync s = syncs.get(room);
        if (s != null) {
            s.admitsPending++;
            return s.ready;
        }
        RoomSync fresh = new RoomSync();
        fresh.admitsPending = 1;
        syncs.put(room, fresh);
        bus.subscribe(Keys.channel(room)).whenComplete((ok, e) -> relay.execute(() -> {
            if (e != null) {
                giveUp(room, fresh, new RoomException(ErrorCode.INTERNAL, "the cluster's Redis did not answer: " + e.getMessage()));
            } else {
                readSnapshot(room, fresh);
            }
        }));
        return fresh.ready;
    }

    private void readSnapshot(String room, RoomSync s) {
        bus.evalList(Scripts.SNAPSHOT, new String[] {Keys.room(room), Keys.members(room), Keys.log(room)},
                String.valueOf(historySize)).whenComplete((r, e) -> relay.execute(() -> {
                    if (syncs.get(room) != s) {
                        return;
                    }
                    if (e != null) {
                        giveUp(room, s, new RoomException(ErrorCode.INTERNAL, "the cluster's Redis did not answer: " + e.getMessage()));
                    } else if (((Number) r.get(0)).intValue() == 0) {
                        giveUp(room, s, new RoomException(ErrorCode.NO_SUCH_ROOM, "no room named '" + room + "'"));
                    } else {
                        applySnapshot(room, s, r);
                    }
                }));
    }

    private void applySnapshot(String room, RoomSync s, List<Object> r) {
        long now = clock.millis();
        String host = (String) r.get(1);
        long created = Long.parseLong((String) r.get(3));
        long seq = Long.parseLong((String) r.get(4));
        int msg = Integer.parseInt((String) r.get(5));
        List<ChatRecord> history = new ArrayList<>();
        for (Object p : (List<?>) r.get(7)) {
            Item it = Item.parse((String) p);
            if (it.type() == Item.CHAT) {
                history.add(it.chat());
            }
        }
        Room mirror = registry().room(room).orElseGet(() -> registry().restoreRoom(room, host, Passwords.decode((String) r.get(2)),
                created, msg + 1, 0, 0, history, List.of()));
        List<?> members = (List<?>) r.get(6);
        for (int i = 0; i + 1 < members.size(); i += 2) {
            String name = (String) members.get(i);
            String[] v = ((String) members.get(i + 1)).split("\\|");
            if (!v[0].equals(node) && mirror.member(name).isEmpty()) {
                rooms.addRemote(mirror, name, Integer.parseInt(v[1]), v[0], new RemoteLink(v[0]), false, now);
            }
        }
        s.expected = seq + 1;
        s.lastMsgId = msg;
        s.live = true;
        drain(room, s);
        s.ready.complete(null);
    }

    private void giveUp(String room, RoomSync s, RoomException why) {
        if (syncs.get(room) == s) {
            syncs.remove(room);
            bus.unsubscribe(Keys.channel(room));
        }
        s.ready.completeExceptionally(why);
    }

    /** Adds a member the cluster admitted to the room here (after {@link #follow}). */
    Admission admit(String room, String user, int protocol, String ip, long now) {
        RoomSync s = syncs.get(room);
        Optional<Room> mirror = registry().room(room);
        if (s == null || mirror.isEmpty()) {
            throw new CompletionException(new RoomException(ErrorCode.NO_SUCH_ROOM, "no room named '" + room + "'"));
        }
        s.admitsPending--;
        return rooms.admit(mirror.get(), user, protocol, ip, now);
    }

    /** An admission that {@link #follow} was for did not happen. */
    void settled(String room) {
        RoomSync s = syncs.get(room);
        if (s != null) {
            s.admitsPending--;
            maybeStopFollowing(room);
        }
    }

    /** No member here any more and none on its way: stop following, drop the copy. */
    private void maybeStopFollowing(String room) {
        RoomSync s = syncs.get(room);
        if (s == null || s.admitsPending > 0) {
            return;
        }
        Optional<Room> mirror = registry().room(room);
        if (mirror.isPresent()) {
            for (Member m : mirror.get().members()) {
                if (!m.link().remote()) {
                    return;
                }
            }
            registry().close(mirror.get(), EndReason.LEFT, "", clock.millis());
        }
        syncs.remove(room);
        bus.unsubscribe(Keys.channel(room));
    }

    private void resubscribed(String room) {
        RoomSync s = syncs.get(room);
        if (s == null || !s.live) {
            return; // the first subscription: the snapshot follows
        }
        // Again after a reconnection: Redis may have restarted without its data, and the channel
        // missed what was published meanwhile.
        reassert(room, s);
        fetch(room, s, s.expected, -1);
    }

    // ---- items, in seq order ----------------------------------------------------------------

    void onItem(String room, Item item) {
        RoomSync s = syncs.get(room);
        if (s == null) {
            return;
        }
        if (s.live && item.seq() < s.expected) {
            return; // seen already (a re-read of the stream, or the snapshot had it)
        }
        s.pending.put(item.seq(), item);
        if (s.live) {
            drain(room, s);
        }
    }

    private void drain(String room, RoomSync s) {
        while (!s.pending.isEmpty() && syncs.get(room) == s) {
            Map.Entry<Long, Item> first = s.pending.firstEntry();
            long seq = first.getKey();
            if (seq < s.expected) {
                s.pending.pollFirstEntry();
            } else if (seq == s.expected) {
                s.pending.pollFirstEntry();
                s.expected++;
                apply(room, s, first.getValue());
            } else {
                if (!s.fetching) {
                    fetch(room, s, s.expected, seq - 1);
                }
                return;
            }
        }
    }

    /** Reads items {@code from}..{@code to} (to -1: the newest) from the room's stream, then delivers on. */
    private void fetch(String room, RoomSync s, long from, long to) {
        s.fetching = true;
        Range<String> range = Range.create(from + "-0", to < 0 ? "+" : to + "-9");
        bus.async().xrange(Keys.log(room), range).toCompletableFuture().whenComplete((entries, e) -> relay.execute(() -> {
            s.fetching = false;
            if (syncs.get(room) != s) {
                return;
            }
            if (e != null) {
                LOG.warning(() -> "could not read the stream of '" + room + "': " + e.getMessage());
            } else {
                for (StreamMessage<String, String> m : entries) {
                    Item it = Item.parse(m.getBody().get("p"));
                    if (it.seq() >= s.expected) {
                        s.pending.putIfAbsent(it.seq(), it);
                    }
                }
            }
            if (!s.pending.isEmpty() && s.pending.firstKey() > s.expected) {
                long lost = s.pending.firstKey() - s.expected;
                LOG.warning(() -> "'" + room + "': " + lost + " item(s) no longer in Redis; going on without them");
                s.expected = s.pending.firstKey();
            }
            drain(room, s);
        }));
    }

    private void apply(String room, RoomSync s, Item it) {
        Optional<Room> found = registry().room(room);
        if (found.isEmpty()) {
            return;
        }
        Room mirror = found.get();
        long now = clock.millis();
        if (it.type() == Item.KICK) {
            if (it.target().equals(node)) {
                mirror.member(it.name()).filter(m -> !m.link().remote())
                        .ifPresent(m -> rooms.end(m, reason(it.reason()), it.message(), now));
            }
            return;
        }
        applying = true;
        try {
            switch (it.type()) {
                case Item.CHAT:
                    s.lastMsgId = Math.max(s.lastMsgId, it.msgId());
                    rooms.deliverNumbered(mirror, it.chat(), now);
                    break;
                case Item.JOIN:
                    if (!it.origin().equals(node) && mirror.member(it.name()).isEmpty()) {
                        rooms.addRemote(mirror, it.name(), it.protocol(), it.origin(), new RemoteLink(it.origin()), true, now);
                    }
                    break;
                case Item.LEFT:
                    mirror.member(it.name()).ifPresent(m -> {
                        if (m.link().remote()) {
                            rooms.removeRemote(m, reason(it.reason()), it.message(), now);
                        } else if (!it.origin().equals(node)) {
                            rooms.end(m, reason(it.reason()), it.message(), now); // the janitor took us for dead
                        }
                    });
                    break;
                case Item.CLOSE:
                    rooms.closeRoom(mirror, reason(it.reason()), it.message(), now);
                    break;
                case Item.NOTICE:
                    rooms.notice(mirror, it.message(), now);
                    break;
                default:
                    LOG.fine(() -> "ignored an item of type " + it.type());
            }
        } finally {
            applying = false;
        }
        if (mirror.closed() && syncs.get(room) == s) {
            syncs.remove(room);
            bus.unsubscribe(Keys.channel(room));
        }
    }

    private static EndReason reason(String name) {
        try {
            return EndReason.valueOf(name);
        } catch (IllegalArgumentException e) {
            return EndReason.TIMED_OUT;
        }
    }

    // ---- the room service's hooks -----------------------------------------------------------

    @Override
    public boolean takeChat(Member sender, boolean action, String text, long senderSeq, long now) {
        String room = sender.room().name();
        RoomSync s = syncs.get(room);
        long seqHw = s == null ? 0 : s.seqHighWater();
        int msgHw = s == null ? sender.room().nextMsgId() - 1 : Math.max(s.lastMsgId, sender.room().nextMsgId() - 1);
        bus.evalLong(Scripts.CHAT, new String[] {Keys.room(room), Keys.log(room), Keys.seqs(room)},
                sender.name(), String.valueOf(senderSeq), action ? "1" : "0", text, String.valueOf(now),
                String.valueOf(seqHw), String.valueOf(msgHw), maxlen, Keys.channel(room), node)
                .whenComplete((id, e) -> {
                    if (e != null) {
                        LOG.log(Level.WARNING, "a chat in '" + room + "' was not relayed: the cluster's Redis did not answer ("
                                + e.getMessage() + ")");
                    }
                });
        return true;
    }

    @Override
    public void memberEnded(Member m, EndReason reason, String message, long now) {
        String room = m.room().name();
        RoomSync s = syncs.get(room);
        bus.evalLong(Scripts.LEAVE, new String[] {Keys.room(room), Keys.log(room), Keys.members(room), Keys.seqs(room), Keys.bans(room)},
                m.name(), reason.name(), message, maxlen, Keys.channel(room), node, String.valueOf(s == null ? 0 : s.seqHighWater()))
                .whenComplete((r, e) -> warnIf(e, "a departure from '" + room + "'"));
        maybeStopFollowing(room);
    }

    @Override
    public void roomClosed(Room room, EndReason reason, String message, long now) {
        String name = room.name();
        RoomSync s = syncs.remove(name);
        if (s != null) {
            bus.unsubscribe(Keys.channel(name));
        }
        if (applying) {
            return; // the cluster told us: it is closed everywhere already
        }
        close(name, reason, message, s == null ? 0 : s.seqHighWater());
    }

    /** Closes a room cluster-wide (one close item, whoever asks first); 0 when it was not open. Any thread. */
    CompletableFuture<Long> close(String room, EndReason reason, String message, long seqHw) {
        CompletableFuture<Long> f = bus.evalLong(Scripts.CLOSE, new String[] {Keys.room(room), Keys.log(room), Keys.members(room),
                Keys.seqs(room), Keys.bans(room), Keys.ROOMS}, room, reason.name(), message, maxlen, Keys.channel(room), node,
                String.valueOf(seqHw));
        f.whenComplete((r, e) -> warnIf(e, "closing '" + room + "'"));
        return f;
    }

    @Override
    public void endElsewhere(Member m, EndReason reason, String message, long now) {
        String target = m.link() instanceof RemoteLink r ? r.node() : "";
        tell(m.room().name(), Item.KICK, m.name(), reason.name(), message, target, seqHighWater(m.room().name()));
    }

    @Override
    public boolean takeNotice(Room room, String message, long now) {
        tell(room.name(), Item.NOTICE, "", "", message, "", seqHighWater(room.name()));
        return true;
    }

    private long seqHighWater(String room) {
        RoomSync s = syncs.get(room);
        return s == null ? 0 : s.seqHighWater();
    }

    /**
     * An item that changes nothing stored (a notice, a request to a member's node); 0 when there is
     * no such room. Any thread ({@code seqHw} 0 from off the relay thread: the room's own counter is kept).
     */
    CompletableFuture<Long> tell(String room, char type, String name, String reason, String message, String target, long seqHw) {
        CompletableFuture<Long> f = bus.evalLong(Scripts.TELL, new String[] {Keys.room(room), Keys.log(room)}, String.valueOf(type),
                name, reason, message, target, maxlen, Keys.channel(room), node, String.valueOf(seqHw));
        f.whenComplete((r, e) -> warnIf(e, "telling '" + room + "'"));
        return f;
    }

    /** Puts this node's part of the room back into Redis, in case it restarted without its data. */
    private void reassert(String room, RoomSync s) {
        Optional<Room> found = registry().room(room);
        if (found.isEmpty()) {
            return;
        }
        Room r = found.get();
        String hostNode = r.member(r.hostName()).map(h -> h.link() instanceof RemoteLink l ? l.node() : node).orElse(node);
        List<String> args = new ArrayList<>(List.of(room, r.hostName(), Passwords.encode(r.password()), String.valueOf(r.createdAt()),
                hostNode, String.valueOf(s.seqHighWater()), String.valueOf(Math.max(s.lastMsgId, r.nextMsgId() - 1))));
        for (Member m : r.members()) {
            if (!m.link().remote()) {
                args.add(m.name());
                args.add(Keys.memberValue(node, Math.max(1, m.protocol()), m.joinedAt()));
            }
        }
        bus.evalLong(Scripts.REASSERT, new String[] {Keys.room(room), Keys.members(room), Keys.ROOMS, Keys.nodeRooms(node)},
                args.toArray(new String[0])).whenComplete((x, e) -> warnIf(e, "re-registering '" + room + "'"));
    }

    /** The rooms this node follows now (relay thread). */
    List<String> followed() {
        return new ArrayList<>(syncs.keySet());
    }

    private static void warnIf(Throwable e, String what) {
        if (e != null) {
            LOG.warning(() -> what + " did not reach the cluster's Redis: " + e.getMessage());
        }
    }
}
