package ocm.client.net;

import java.util.List;
import java.util.function.Consumer;
import ocm.protocol.tcrp.RoomListing;

/**
 * What the screens and plain mode need from the network, so they can be tested with a fake.
 * {@link #listRooms} and {@link #enter} block (TCP); callers keep them off the UI thread.
 * Events arrive on network threads.
 */
public interface ChatService {
    void setListener(Consumer<NetEvent> listener);

    ServerAddress server();

    List<RoomListing.RoomSummary> listRooms() throws ClientException;

    /** Creates or joins a room over TCP, then starts its UDP session. */
    Membership enter(RoomRequest request) throws ClientException;

    /** Queues a chat line; returns the local id later events about it carry. */
    long send(String room, String text, boolean action);

    void leave(String room);

    void kick(String room, String user, String reason);

    void closeRoom(String room, String reason);

    /**
     * Who {@code name} is: the key fingerprints that own the name on the server. Only a client in the
     * server's own process (an SSH session) can ask today; over the network there is no request for it
     * yet, so the answer says so. Quick (no network): the UI thread may call it.
     */
    default String whois(String name) {
        return "/whois needs a request the network protocol does not have yet; it works in an SSH session";
    }

    /** Ends a create/join/list in progress and refuses new ones: the user is quitting. */
    void stopRequests();

    /** Leaves every room (waiting briefly for the server to confirm) and releases the socket. */
    void shutdown();
}
