package ocm.server.local;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.Utf8;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.JoinRoom;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.room.ChatRecord;
import ocm.server.room.Member;
import ocm.server.room.RoomException;
import ocm.server.room.RoomService;
import ocm.server.tcp.RequestHandler;
import ocm.server.udp.RelayLoop;

/**
 * The rooms for clients in this process (the SSH gateway's sessions): create, join and list under
 * exactly the TCP side's rules (the same {@link RequestHandler}: the client's own IP for bans and
 * per-IP limits, password checks, name owners), then the member is reached through an
 * {@link InProcessLink} instead of datagrams, and what it does (chat, leave, kick, close) is a task
 * on the relay thread, which owns the rooms. Members are named by their token, which never leaves
 * this process. Thread-safe; blocking calls are said so.
 */
public final class LocalRooms {
    /** The protocol such members count as: they see what v2 members see. */
    static final int PROTOCOL = 2;

    private final RequestHandler requests;
    private final RelayLoop relay;
    private final RoomService rooms;
    private final Clock clock;
    private final int historyMax;
    private final double messagesPerSecond;

    public LocalRooms(RequestHandler requests, RelayLoop relay, RoomService rooms, Clock clock, int historyMax,
                      double messagesPerSecond) {
        this.requests = requests;
        this.relay = relay;
        this.rooms = rooms;
        this.clock = clock;
        this.historyMax = historyMax;
        this.messagesPerSecond = messagesPerSecond;
    }

    /** Creates or joins a room as {@code user} from {@code ip}, having proved {@code key} (a fingerprint). Blocks. */
    public Admission enter(boolean create, String room, String user, Optional<String> password, String ip,
                           Optional<String> key) throws RoomException {
        return requests.admit(create ? new CreateRoom(room, user, password, PROTOCOL) : new JoinRoom(room, user, password, PROTOCOL),
                ip, key);
    }

    /** Blocks. */
    public RoomListing list() throws RoomException {
        return requests.listing();
    }

    /**
     * Points the member of {@code token} at {@code link}, then hands it the member list and the
     * recent history (what it missed between the join and now included), as a v2 register does.
     */
    public CompletableFuture<Boolean> attach(String token, InProcessLink link) {
        return relay.submit(() -> {
            long now = clock.millis();
            Member m = member(token);
            m.link().unlinked();
            m.link(link);
            m.heard(now);
            return rooms.catchUp(m, 0, historyMax, now);
        });
    }

    /** Relays a chat; completes with its record, or a {@link RoomException} saying why it was refused. */
    public CompletableFuture<ChatRecord> chat(String token, boolean action, String text) {
        return relay.submit(() -> {
            long now = clock.millis();
            Member m = member(token);
            int bytes = Utf8.encode(text).length;
            if (text.isEmpty()) {
                throw new RoomException(ErrorCode.BAD_REQUEST, "empty message");
            }
            if (bytes > Limits.MAX_TEXT_BYTES) {
                throw new RoomException(ErrorCode.TOO_LONG, "message too long: " + bytes + " bytes, at most "
                        + Limits.MAX_TEXT_BYTES + " (UTF-8)");
            }
            if (!m.bucket().tryTake(now)) {
                throw new RoomException(ErrorCode.RATE_LIMITED, "slow down: at most " + rate() + " messages per second");
            }
            m.heard(now);
            ChatRecord r = rooms.chat(m, action, text, ChatRecord.NO_SEQ, now);
            rooms.settle(now);
            return r;
        });
    }

    /** Leaves the room (a host's leaving closes it); nothing if already gone. */
    public CompletableFuture<Boolean> leave(String token) {
        return relay.submit(() -> {
            Member m = rooms.registry().byToken(token);
            if (m == null || m.gone()) {
                return false;
            }
            rooms.end(m, EndReason.LEFT, "", clock.millis());
            return true;
        });
    }

    public CompletableFuture<Boolean> kick(String token, String target, String reason) {
        return relay.submit(() -> {
            rooms.kickByHost(member(token), target, reason, clock.millis());
            return true;
        });
    }

    public CompletableFuture<Boolean> close(String token, String reason) {
        return relay.submit(() -> {
            rooms.closeByHost(member(token), reason, clock.millis());
            return true;
        });
    }

    /** The key fingerprints owning {@code name} (empty: nobody owns it). */
    public Set<String> ownersOf(String name) {
        return rooms.ownersOf(name);
    }

    private Member member(String token) throws RoomException {
        Member m = rooms.registry().byToken(token);
        if (m == null || m.gone()) {
            throw new RoomException(ErrorCode.UNKNOWN_TOKEN, "you are no longer in this room");
        }
        return m;
    }

    private String rate() {
        return messagesPerSecond == Math.floor(messagesPerSecond) ? Long.toString((long) messagesPerSecond)
                : Double.toString(messagesPerSecond);
    }
}
