package ocm.server.admin;

import java.util.List;
import java.util.Optional;
import ocm.server.log.ServerLog;

/**
 * What the operator's console can see and do on a running server. The server implements it;
 * the console depends only on this, so it is tested with a fake and with the real server.
 * Every method is safe to call from any thread. Failures are {@link AdminException}s whose
 * message is one line for the operator ("no room named 'lobby'").
 */
public interface ServerAdmin {
    List<RoomView> rooms() throws AdminException;

    /** Members of one room, or of all rooms when {@code room} is empty. */
    List<UserView> users(Optional<String> room) throws AdminException;

    /** Removes the member, tells it why, revokes its token and tells the room. Kicking the host closes the room. */
    void kick(String room, String user, String reason) throws AdminException;

    /**
     * Kicks, then refuses that name and that address in that room from then on (persisted). Someone no
     * longer in the room is banned by name and by the address it last had there, if known. Returns true
     * if the user was in the room, false if only the ban was recorded.
     */
    boolean ban(String room, String user, String reason) throws AdminException;

    /**
     * Lifts the ban on {@code user}. Returns the other bans that still refuse the address this one was made
     * with (a ban covers its address whatever name joins from it), so a rejoin from there is still refused
     * until they are lifted too; empty if none.
     */
    List<BanView> unban(String room, String user) throws AdminException;

    /** The bans of one room (name and address). */
    List<BanView> bans(String room) throws AdminException;

    /** Closes the room as if the host had left. */
    void close(String room, String reason) throws AdminException;

    /** Announces {@code message} from the server to one room, or to all when {@code room} is "*". Returns how many rooms it reached. */
    int say(String room, String message) throws AdminException;

    StatsView stats() throws AdminException;

    /** The line {@code /fingerprint} prints: the TLS key's fingerprint, which clients pin, and where the key is. */
    default String fingerprint() throws AdminException {
        throw new AdminException("this server has no TLS key");
    }

    /** Log lines dropped because a log sink (terminal, file) could not keep up; never waited for. */
    default long logLinesDropped() {
        return ServerLog.droppedLines();
    }

    /** The live nodes of this server's cluster, with each one's figures; a single node has none to show. */
    default List<NodeView> nodes() throws AdminException {
        throw new AdminException("this server is a single node, not part of a cluster (start nodes with --cluster redis://HOST:PORT)");
    }

    /** Writes the state file now. */
    void save() throws AdminException;

    /** Graceful shutdown: save, tell v2 clients, close sockets. Returns when done. */
    void shutdown();
}
