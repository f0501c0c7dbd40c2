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
    /** How far ahead message ids are reserved (and persisted) before they are handed out. */
    public static final int MSG_ID_BLOCK = 10_000;
    private final String name;
    private final byte[] nameUtf8;
    private final String hostName;
    private final Optional<PasswordHash> password;
    private final long createdAt;
    private final Map<String, Member> byName = new LinkedHashMap<>();
    private final ArrayList<Member> list = new ArrayList<>();
    /** Members by {@link ocm.protocol.Names#collisionKey}: no two may look alike. */
    private final Map<String, Member> byKey = new java.util.HashMap<>();
    private final Map<String, Ban> bans = new LinkedHashMap<>();
    /** The last address of members who left, so a ban after a kick still covers their address. Bounded. */
    private final Map<String, String> departed = new LinkedHashMap<>();
    private final ArrayDeque<ChatRecord> history = new ArrayDeque<>();
    private final int historySize;
    private int nextMsgId = 1;
    /**
     * Ids below this may have been handed out; it is what the state file keeps, so that after a
     * kill -9 the restored room starts above any id a client may have seen since the last save.
     * Raised a block at a time, well before {@code nextMsgId} reaches it.
     */
    private int msgIdReserved = 1 + MSG_ID_BLOCK;
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

    /** The member whose name looks like {@code user} (same case fold and confusable skeleton), if any. */
    public Optional<Member> lookAlike(String user) {
        return Optional.ofNullable(byKey.get(ocm.protocol.Names.collisionKey(user)));
    }

    void add(Member m) {
        byName.put(m.name(), m);
        byKey.putIfAbsent(ocm.protocol.Names.collisionKey(m.name()), m);
        list.add(m);
    }

    void remove(Member m) {
        byName.remove(m.name());
        byKey.remove(ocm.protocol.Names.collisionKey(m.name()), m);
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

    /** Every ban that refuses this IP address (whatever name it was made for), in the order they were made. */
    public List<Ban> bansOfAddress(String ip) {
        List<Ban> out = new ArrayList<>();
        for (Ban ban : bans.values()) {
            if (ban.address().isPresent() && ban.address().get().equals(ip)) {
                out.add(ban);
            }
        }
        return out;
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
        return record(now, action, sender, text, ChatRecord.NO_SEQ);
    }

    /** As {@link #record(long, boolean, String, String)}, for a v2 chat that came as {@code senderSeq}. */
    public ChatRecord record(long now, boolean action, String sender, String text, long senderSeq) {
        ChatRecord r = new ChatRecord(nextMsgId++, now, action, sender, text, senderSeq);
        if (msgIdReserved - nextMsgId < MSG_ID_BLOCK / 2) {
            // Half a block of margin: the caller marks the registry dirty, the next save persists this.
            msgIdReserved = nextMsgId + MSG_ID_BLOCK;
        }
        if (historySize > 0) {
            if (history.size() >= historySize) {
                history.removeFirst();
            }
            history.addLast(r);
        }
        return r;
    }

    /**
     * Keeps a message numbered elsewhere (cluster mode) in the recent history; the room's own
     * numbering moves past it, so ids here never go back either.
     */
    void append(ChatRecord r) {
        nextMsgId = Math.max(nextMsgId, r.msgId() + 1);
        if (msgIdReserved - nextMsgId < MSG_ID_BLOCK / 2) {
            msgIdReserved = nextMsgId + MSG_ID_BLOCK;
        }
        if (historySize > 0) {
            if (history.size() >= historySize) {
                history.removeFirst();
            }
            history.addLast(r);
        }
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

    /** The persisted high-water mark: no id at or above it has been handed out. */
    public int msgIdReserved() {
        return msgIdReserved;
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

    /**
     * The kept messages {@code sender} sent as chats {@code fromSeq} .. {@code fromSeq + count - 1}
     * (wrap-safe), oldest first: one pass over the history whatever the count.
     */
    public List<ChatRecord> chatsFrom(String sender, int fromSeq, int count) {
        List<ChatRecord> out = new ArrayList<>();
        for (ChatRecord r : history) {
            if (r.senderSeq() != ChatRecord.NO_SEQ && Integer.compareUnsigned((int) r.senderSeq() - fromSeq, count) < 0
                    && r.sender().equals(sender)) {
                out.add(r);
            }
        }
        return out;
    }

    public List<ChatRecord> history() {
        return new ArrayList<>(history);
    }

    /**
     * {@code reserved} is the saved high-water mark (0 in files from before it existed): ids
     * between the saved {@code nextId} and it may have been handed out after that save, so the
     * room carries on above it.
     */
    void restore(int nextId, int reserved, long relayed, List<ChatRecord> records) {
        nextMsgId = Math.max(1, Math.max(nextId, reserved));
        msgIdReserved = nextMsgId + MSG_ID_BLOCK;
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
