package ocm.server.tcp;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.Utf8;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.Compliance;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.JoinRoom;
import ocm.protocol.tcrp.Operation;
import ocm.protocol.tcrp.Refusal;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.tcrp.State;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.protocol.tcrp.TcrpReply;
import ocm.protocol.tcrp.TcrpRequest;
import ocm.server.config.AbuseLimits;
import ocm.server.room.PasswordHash;
import ocm.server.room.RoomException;

/**
 * Answers one TCRP request: compliance, then admission, refusal or the room list. The room work
 * runs on the relay thread; password hashing (slow on purpose) on {@link PasswordHashing}, one room at a time.
 */
public final class RequestHandler implements RequestAnswerer {
    private static final Logger LOG = Logger.getLogger("ocm.server.tcp");
    /** Keys remembered by each per-IP limiter; beyond it the least recently seen are forgotten. */
    private static final int MAX_LIMITER_KEYS = 100_000;

    private final RoomAccess rooms;
    private final Clock clock;
    private final PerKeyRateLimiter creates;
    private final PerKeyRateLimiter wrongPasswords;
    /** The last encoded room list and the registry's list version it was made from. */
    private final AtomicReference<EncodedList> cachedList = new AtomicReference<>();
    private final AtomicLong listEncodings = new AtomicLong();
    private final PasswordHashing hashing = new PasswordHashing();
    private final MemoryGuard memory;

    private record EncodedList(long version, byte[] payload) {
    }

    public RequestHandler(RoomAccess rooms, AbuseLimits abuse, Clock clock) {
        this(rooms, abuse, clock, MemoryGuard.ofHeap());
    }

    RequestHandler(RoomAccess rooms, AbuseLimits abuse, Clock clock, MemoryGuard memory) {
        this.rooms = rooms;
        this.clock = clock;
        this.memory = memory;
        this.creates = new PerKeyRateLimiter(abuse.roomCreatesPerSecond(), abuse.roomCreateBurst(), MAX_LIMITER_KEYS);
        this.wrongPasswords = new PerKeyRateLimiter(abuse.wrongPasswordsPerSecond(), abuse.wrongPasswordBurst(), MAX_LIMITER_KEYS);
    }

    /** The whole answer to one request, encoded (compliance, then admission, refusal or the room list). */
    @Override
    public byte[] answer(TcrpRequest request, Operation op, String room, String ip) {
        List<TcrpFrame> frames;
        try {
            switch (request.operation()) {
                case CREATE_ROOM:
                    frames = success(op, room, create((CreateRoom) request, ip, Optional.empty()));
                    break;
                case JOIN_ROOM:
                    frames = success(op, room, join((JoinRoom) request, ip, Optional.empty()));
                    break;
                default:
                    frames = List.of(TcrpMessages.encodeReply(op, room, Compliance.ok()),
                            new TcrpFrame(op, State.COMPLETE, room, listPayload()));
                    break;
            }
        } catch (RoomException e) {
            frames = refusedFrames(op, room, e.code(), e.getMessage());
        }
        return wire(op, room, frames);
    }

    /**
     * The encoded room list, reused until the registry says the list changed: a storm of LIST
     * requests costs the relay thread a version check each, and no encoding.
     */
    private byte[] listPayload() throws RoomException {
        EncodedList known = cachedList.get();
        long knownVersion = known == null ? -1 : known.version();
        RoomAccess.VersionedListing fresh = await(rooms.listIfChanged(knownVersion));
        if (fresh == null) {
            return known.payload();
        }
        byte[] payload = RoomListPayload.encode(fresh.listing().rooms());
        listEncodings.incrementAndGet();
        cachedList.set(new EncodedList(fresh.version(), payload));
        return payload;
    }

    /** How many times the room list was encoded (the rest were served from the cache). */
    long listEncodings() {
        return listEncodings.get();
    }

    /**
     * Encodes the frames; one whose payload is over the protocol's limit is never sent (no client
     * could read it): it is logged and the answer becomes an INTERNAL refusal.
     */
    static byte[] wire(Operation op, String room, List<TcrpFrame> frames) {
        for (TcrpFrame f : frames) {
            int size = f.payload().length;
            if (size > Limits.MAX_TCRP_PAYLOAD) {
                LOG.warning(() -> "refused to send a " + op + " answer of " + size + " bytes (the limit is "
                        + Limits.MAX_TCRP_PAYLOAD + "); answered INTERNAL instead");
                return concat(refusedFrames(op, room, ErrorCode.INTERNAL,
                        "the answer would be larger than the protocol allows (" + size + " bytes)"));
            }
        }
        return concat(frames);
    }

    /** The encoded refusal (compliance + refusal) of a request. */
    static byte[] refusedWire(Operation op, String room, ErrorCode code, String message) {
        return concat(refusedFrames(op, room, code, message));
    }

    private static byte[] concat(List<TcrpFrame> frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (TcrpFrame f : frames) {
            bytes.writeBytes(TcrpCodec.encode(f));
        }
        return bytes.toByteArray();
    }

    /**
     * A create or join for a client in this process (the SSH gateway), under the same rules as over
     * TCP: the per-IP limits of {@code ip} (the client's own address), password checks, and the
     * name's owner ({@code key}: the fingerprint of the key it proved, empty if none). Blocks.
     */
    public Admission admit(TcrpRequest request, String ip, Optional<String> key) throws RoomException {
        switch (request.operation()) {
            case CREATE_ROOM:
                return create((CreateRoom) request, ip, key);
            case JOIN_ROOM:
                return join((JoinRoom) request, ip, key);
            default:
                throw new RoomException(ErrorCode.BAD_REQUEST, "not a create or join");
        }
    }

    /** The room list, for a client in this process. Blocks. */
    public RoomListing listing() throws RoomException {
        return await(rooms.listIfChanged(-1)).listing();
    }

    private Admission create(CreateRoom c, String ip, Optional<String> key) throws RoomException {
        memory.check("create a room");
        if (!creates.tryTake(ip, clock.millis())) {
            LOG.info(() -> "refused create '" + c.room() + "' from " + ip + ": too many new rooms from this address");
            throw new RoomException(ErrorCode.RATE_LIMITED, "too many new rooms from your address; wait a few seconds and try again");
        }
        checkPassword(c.password());
        Optional<String> password = c.password().filter(p -> !p.isEmpty());
        Optional<PasswordHash> hash = password.isEmpty() ? Optional.empty()
                : Optional.of(hashing.run(c.room(), () -> PasswordHash.of(password.get())));
        long now = clock.millis();
        return await(rooms.create(c.room(), c.username(), hash, c.protocol(), ip, key, now));
    }

    private Admission join(JoinRoom j, String ip, Optional<String> owner) throws RoomException {
        memory.check("join");
        checkPassword(j.password());
        Optional<PasswordHash> needed = await(rooms.passwordOf(j.room()));
        Optional<PasswordHash> verified = Optional.empty();
        if (needed.isPresent()) {
            // Each try costs a PBKDF2 hash on a worker: a guessing storm from one IP is cut off here.
            String key = ip + '\n' + j.room();
            if (!wrongPasswords.allows(key, clock.millis())) {
                LOG.info(() -> "refused join '" + j.room() + "' by " + j.username() + " from " + ip + ": too many wrong passwords");
                throw new RoomException(ErrorCode.RATE_LIMITED, "too many wrong passwords for room '" + j.room()
                        + "' from your address; wait a minute and try again");
            }
            // No password counts as a wrong one (as it always has): the limit is on tries, not on guesses.
            Optional<String> given = j.password().filter(p -> !p.isEmpty());
            if (given.isEmpty() || !hashing.run(j.room(), () -> needed.get().matches(given.get()))) {
                wrongPasswords.tryTake(key, clock.millis());
                // Same code either way (clients act on it); the words tell a missing password from a wrong one.
                throw new RoomException(ErrorCode.WRONG_PASSWORD, given.isEmpty()
                        ? "room '" + j.room() + "' needs a password" : "wrong password for room '" + j.room() + "'");
            }
            verified = needed;
        }
        Optional<PasswordHash> v = verified;
        long now = clock.millis();
        return await(rooms.join(j.room(), j.username(), v, j.protocol(), ip, owner, now));
    }

    private static void checkPassword(Optional<String> password) throws RoomException {
        if (password.isPresent() && Utf8.encode(password.get()).length > Limits.MAX_PASSWORD_BYTES) {
            throw new RoomException(ErrorCode.BAD_REQUEST, "password is longer than " + Limits.MAX_PASSWORD_BYTES + " bytes");
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws RoomException {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RoomException) {
                throw (RoomException) e.getCause();
            }
            throw new RoomException(ErrorCode.INTERNAL, "internal error: " + e.getCause());
        } catch (TimeoutException e) {
            throw new RoomException(ErrorCode.INTERNAL, "the server is too busy, try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoomException(ErrorCode.SERVER_SHUTTING_DOWN, "the server is shutting down");
        }
    }

    private static List<TcrpFrame> success(Operation op, String room, TcrpReply reply) {
        return List.of(TcrpMessages.encodeReply(op, room, Compliance.ok()), admissionFrame(op, room, reply));
    }

    /**
     * The admission, its member list shortened if 500 long names would not fit one frame (the
     * client gets the whole list over UDP when it registers): by then the member has joined, so
     * refusing would leave a member nobody holds the token of.
     */
    static TcrpFrame admissionFrame(Operation op, String room, TcrpReply reply) {
        TcrpFrame f = TcrpMessages.encodeReply(op, room, reply);
        if (f.payload().length <= Limits.MAX_TCRP_PAYLOAD || !(reply instanceof Admission)) {
            return f;
        }
        Admission a = (Admission) reply;
        List<String> members = a.members();
        for (int i = 0; i < 64 && f.payload().length > Limits.MAX_TCRP_PAYLOAD && !members.isEmpty(); i++) {
            members = members.subList(0, members.size() * 9 / 10);
            f = TcrpMessages.encodeReply(op, room, new Admission(a.token(), a.room(), a.username(), a.host(),
                    a.hostName(), members, a.locked()));
        }
        return f;
    }

    /**
     * Compliance (failed, with the code and message), then a refusal; for LIST_ROOMS an empty
     * listing instead, since that is the only completion a LIST decoder reads.
     */
    private static List<TcrpFrame> refusedFrames(Operation op, String room, ErrorCode code, String message) {
        TcrpFrame completion = op == Operation.LIST_ROOMS
                ? TcrpMessages.encodeReply(op, room, new RoomListing(List.of()))
                : TcrpMessages.encodeReply(op, room, new Refusal(code, message));
        return List.of(TcrpMessages.encodeReply(op, room, Compliance.refused(code, message)), completion);
    }
}
