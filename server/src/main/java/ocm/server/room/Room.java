package ocm.server.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ocm.protocol.Utf8;

/**
 * One chat room: its host, optional password, members (by name, and as a list for fan-out that
 * allocates nothing), bans, message numbering and recent history. No sockets; relay thread only.
 */
public final class Room {
    /** How many departed members' addresses a room remembers for a later ban. */
    static final int MAX_DEPARTED = 256;
    private final String name;
    private final byte[] nameUtf8;
    private final String hostName;
    private final Optional<PasswordHash> password;
    private final long createdAt;
    private final Map<String, Member> byName = new LinkedHashMap<>();
    private final ArrayList<Member> list = new ArrayList<>();
    private final Map<String, Ban> bans = new LinkedHashMap<>();
    /** The last address of members who left, so a ban after a kick still covers their address. Bounded. */
    private final Map<String, String> departed = new LinkedHashMap<>();
    private final ArrayDeque<ChatRecord> history = new ArrayDeque<>();
    private final int historySize;
    private int nextMsgId = 1;
    private long messagesRelayed;
    private boolean closed;

    Room(String name, String hostName, Optional<PasswordHash> password, long createdAt, int historySize) {
        this.name = Objects.requireNonNull(name, "name");
        this.nameUtf8 = Utf8.encode(name);
        this.hostName = Objects.requireNonNull(hostName, "hostName");
        this.password = Objects.requireNonNull(password, "password");
        this.createdAt = createdAt;
        this.historySize = historySize;
    }

    public String name() {
        return name;
    }

    public byte[] nameUtf8() {
        return nameUtf8;
    }

    public String hostName() {
        return hostName;
    }

    public Optional<PasswordHash> password() {
        return password;
    }

    public boolean locked() {
        return password.isPresent();
    }

    public long createdAt() {
        return createdAt;
    }

    public Optional<Member> member(String user) {
        return Optional.ofNullable(byName.get(user));
    }

    /** Members in join order; do not modify. Index it for fan-out without an iterator. */
    public List<Member> members() {
        return Collections.unmodifiableList(list);
    }

    public int size() {
        return list.size();
    }

    public Member memberAt(int i) {
        return list.get(i);
    }

    public List<String> memberNames() {
        return new ArrayList<>(byName.keySet());
    }

    void add(Member m) {
        byName.put(m.name(), m);
        list.add(m);
    }

    void remove(Member m) {
        byName.remove(m.name());
        list.remove(m);
    }

    /** Remembers where a member who left came from (the oldest is forgotten past {@link #MAX_DEPARTED}). */
    void rememberDeparted(String user, String ip) {
        departed.remove(user);
        departed.put(user, ip);
        if (departed.size() > MAX_DEPARTED) {
            departed.remove(departed.keySet().iterator().next());
        }
    }

    /** The address a member of that name had when it last left this room, if still remembered. */
    public Optional<String> lastAddressOf(String user) {
        return Optional.ofNullable(departed.get(user));
    }

    public Map<String, Ban> bans() {
        return Collections.unmodifiableMap(bans);
    }

    void ban(Ban b) {
        bans.put(b.name(), b);
    }

    boolean unban(String user) {
        return bans.remove(user) != null;
    }

    /** The ban that refuses this name or this IP, if any. */
    public Optional<Ban> banFor(String user, String ip) {
        Ban b = bans.get(user);
        if (b != null) {
            return Optional.of(b);
        }
        if (ip != null) {
            for (Ban ban : bans.values()) {
                if (ban.address().isPresent() && ban.address().get().equals(ip)) {
                    return Optional.of(ban);
                }
            }
        }
        return Optional.empty();
    }

    /** Gives the next message its id and keeps it in the recent history. */
    public ChatRecord record(long now, boolean action, String sender, String text) {
        ChatRecord r = new ChatRecord(nextMsgId++, now, action, sender, text);
        if (historySize > 0) {
            if (history.size() >= historySize) {
                history.removeFirst();
            }
            history.addLast(r);
        }
        return r;
    }

    public void countRelayed() {
        messagesRelayed++;
    }

    public long messagesRelayed() {
        return messagesRelayed;
    }

    public int nextMsgId() {
        return nextMsgId;
    }

    /** History with msgId greater than {@code since}, oldest first. */
    public List<ChatRecord> historySince(int since) {
        List<ChatRecord> out = new ArrayList<>();
        for (ChatRecord r : history) {
            if (r.msgId() > since) {
                out.add(r);
            }
        }
        return out;
    }

    public List<ChatRecord> history() {
        return new ArrayList<>(history);
    }

    void restore(int nextId, long relayed, List<ChatRecord> records) {
        nextMsgId = Math.max(1, nextId);
        messagesRelayed = relayed;
        history.clear();
        for (ChatRecord r : records) {
            if (historySize > 0) {
                if (history.size() >= historySize) {
                    history.removeFirst();
                }
                history.addLast(r);
            }
        }
    }

    public boolean closed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }
}
