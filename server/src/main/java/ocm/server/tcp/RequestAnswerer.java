package ocm.server.tcp;

import ocm.protocol.tcrp.Operation;
import ocm.protocol.tcrp.TcrpRequest;

/** What the TCP service asks of whatever answers its requests (a {@link RequestHandler}, or a test's stand-in). */
@FunctionalInterface
public interface RequestAnswerer {
    /** The whole encoded answer to one request; called on a TCP worker, may block. */
    byte[] answer(TcrpRequest request, Operation op, String room, String ip);

    /** The same, knowing whether the request came over TLS ({@code secure}); clear and TLS are answered alike so far. */
    default byte[] answer(TcrpRequest request, Operation op, String room, String ip, boolean secure) {
        return answer(request, op, room, ip);
    }
}
