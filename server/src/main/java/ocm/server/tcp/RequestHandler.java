package ocm.server.tcp;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.Utf8;
import ocm.protocol.tcrp.Compliance;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.JoinRoom;
import ocm.protocol.tcrp.Refusal;
import ocm.protocol.tcrp.TcrpReply;
import ocm.protocol.tcrp.TcrpRequest;
import ocm.server.room.PasswordHash;
import ocm.server.room.RoomException;
import ocm.server.udp.RelayLoop;

/**
 * Answers one TCRP request: compliance, then admission, refusal or the room list. The room work
 * runs on the relay thread; password hashing (slow on purpose) runs here, on a TCP worker.
 */
public final class RequestHandler {
    private final RelayLoop relay;

    public RequestHandler(RelayLoop relay) {
        this.relay = relay;
    }

    public List<TcrpReply> handle(TcrpRequest request, String ip) {
        try {
            switch (request.operation()) {
                case CREATE_ROOM:
                    return success(create((CreateRoom) request, ip));
                case JOIN_ROOM:
                    return success(join((JoinRoom) request, ip));
                default:
                    return success(await(relay.submit(() -> relay.relay().membership().list())));
            }
        } catch (RoomException e) {
            return refused(e.code(), e.getMessage());
        }
    }

    private TcrpReply create(CreateRoom c, String ip) throws RoomException {
        checkPassword(c.password());
        Optional<PasswordHash> hash = c.password().filter(p -> !p.isEmpty()).map(PasswordHash::of);
        long now = System.currentTimeMillis();
        return await(relay.submit(() -> relay.relay().membership().create(c.room(), c.username(), hash, c.protocol(), ip, now)));
    }

    private TcrpReply join(JoinRoom j, String ip) throws RoomException {
        checkPassword(j.password());
        Optional<PasswordHash> needed = await(relay.submit(() -> relay.relay().registry().passwordOf(j.room())));
        Optional<PasswordHash> verified = Optional.empty();
        if (needed.isPresent()) {
            if (j.password().isEmpty() || !needed.get().matches(j.password().get())) {
                throw new RoomException(ErrorCode.WRONG_PASSWORD, "wrong password for room '" + j.room() + "'");
            }
            verified = needed;
        }
        Optional<PasswordHash> v = verified;
        long now = System.currentTimeMillis();
        return await(relay.submit(() -> relay.relay().membership().join(j.room(), j.username(), v, j.protocol(), ip, now)));
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

    private static List<TcrpReply> success(TcrpReply reply) {
        return List.of(Compliance.ok(), reply);
    }

    static List<TcrpReply> refused(ErrorCode code, String message) {
        return List.of(Compliance.refused(code, message), new Refusal(code, message));
    }
}
