package ocm.client.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ocm.client.net.NetEvent;
import ocm.protocol.ucrp.v2.Packet;

/** Everything the chat screen knows about one room; owned by the UI thread. */
public final class RoomModel {
    static final int MAX_LINES = 2_000;

    private final String name;
    private final String user;
    private boolean host;
    private final List<ChatLine> lines = new ArrayList<>();
    private final Map<Long, ChatLine> pending = new HashMap<>();
    private List<Packet.Member> members = List.of();
    private int unread;
    private boolean mentioned;
    private String endedWhy = "";
    private NetEvent.Status status;
    /** Rows scrolled up from the bottom; 0 follows new messages. */
    private int scroll;
    private boolean newBelow;
    /** Index of our "you joined" line while history may still arrive, else -1. */
    private int joinLine = -1;
    /** Our "you joined" line until the chat side answers, and where it goes; null once shown. */
    private ChatLine pendingJoin;
    private int pendingJoinAt;
    /** How many lines at the top were kept from before a rejoin. */
    private int kept;
    /** When each member last said something here, for the smart join/leave filter. */
    private final Map<String, Long> lastSpoke = new HashMap<>();
    /** Members this client asked to kick, so the kick line can say who did it. */
    private final java.util.Set<String> kickedByUs = new java.util.HashSet<>();

    public RoomModel(String name, String user, boolean host, List<String> memberNames, String hostName) {
        this.name = name;
        this.user = user;
        this.host = host;
        List<Packet.Member> initial = new ArrayList<>();
        for (String m : memberNames) {
            initial.add(new Packet.Member(m, m.equals(hostName), false));
        }
        this.members = List.copyOf(initial);
        this.status = new NetEvent.Status(name, NetEvent.LinkState.REGISTERING, -1, 0);
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public boolean host() {
        return host;
    }

    public List<ChatLine> lines() {
        return lines;
    }

    public List<Packet.Member> members() {
        return members;
    }

    public int unread() {
        return unread;
    }

    public boolean mentioned() {
        return mentioned;
    }

    public boolean ended() {
        return !endedWhy.isEmpty();
    }

    public String endedWhy() {
        return endedWhy;
    }

    public NetEvent.Status status() {
        return status;
    }

    public int scroll() {
        return scroll;
    }

    public boolean newBelow() {
        return newBelow;
    }

    /** Adds our "you joined" line; older messages (the history the server sends) go above it. */
    public void addJoinLine(ChatLine line) {
        add(line, true);
        joinLine = lines.size() - 1;
    }

    /**
     * Our "you joined" line, to show once the server's chat (UDP) side answers
     * ({@link #confirmJoin}): the TCP side letting us in does not mean we can chat yet.
     */
    public void expectJoin(ChatLine line) {
        pendingJoin = line;
        pendingJoinAt = lines.size();
    }

    /**
     * The chat side answered: the "you joined" line goes where the membership began, above
     * anything typed meanwhile, and the server's history goes above it. False when already shown.
     */
    public boolean confirmJoin() {
        if (pendingJoin == null) {
            return false;
        }
        int at = Math.min(pendingJoinAt, lines.size());
        lines.add(at, pendingJoin);
        pendingJoin = null;
        joinLine = at;
        return true;
    }

    /** The "you joined" line waiting for the chat side, if any. */
    public java.util.Optional<ChatLine> pendingJoin() {
        return java.util.Optional.ofNullable(pendingJoin);
    }

    /**
     * Rejoining a room we were in: its old lines (the kick notice, errors, what was said) stay, and
     * the history the server sends next is merged into them ({@link #addHistory}).
     */
    public void keepLines(RoomModel old) {
        lines.addAll(old.lines);
        kept = old.lines.size();
        lastSpoke.putAll(old.lastSpoke);
    }

    /**
     * A line of the history the server sends on joining: above our "you joined" line while that
     * is still the newest thing here; otherwise (a re-register's catch-up) appended like any line.
     * A line we already show (kept from before a rejoin) is not shown twice.
     */
    public void addHistory(ChatLine line, boolean visible) {
        // Only the kept lines are compared: the history itself may well say "ok" twice.
        if (lines.subList(0, Math.min(kept, lines.size())).stream().anyMatch(line::sameAs)) {
            return;
        }
        if (pendingJoin != null) {
            // The chat side is answering: its history goes where "you joined" will, above it.
            lines.add(Math.min(pendingJoinAt++, lines.size()), line);
        } else if (joinLine >= 0) {
            lines.add(joinLine++, line);
        } else {
            add(line, visible);
        }
    }

    /** Appends a line; {@code visible} says whether the user is looking at this room. */
    public void add(ChatLine line, boolean visible) {
        joinLine = -1; // anything after "you joined" (a live message, a reconnect notice): history is over
        lines.add(line);
        if (lines.size() > MAX_LINES) {
            lines.remove(0);
            joinLine = -1;
            pendingJoinAt = Math.max(0, pendingJoinAt - 1);
            kept = Math.max(0, kept - 1);
        }
        if (!visible && line.kind() != ChatLine.Kind.SYSTEM && line.kind() != ChatLine.Kind.ERROR) {
            unread++;
            mentioned |= line.mention();
        }
        if (scroll > 0) {
            newBelow = true;
        }
    }

    public void addPending(long localId, ChatLine line) {
        pending.put(localId, line);
        add(line, true);
    }

    /**
     * Our line reached the server; with {@code msgId} (not 0) it took that place in the room's
     * order, and moves there: lines typed while the server was away come back in the order the
     * server gave them, the same for every member, not the order each typed them.
     */
    public void delivered(long localId, int msgId) {
        ChatLine l = msgId != 0 ? pending.remove(localId) : pending.get(localId);
        if (l != null) {
            l.delivered();
            if (msgId != 0) {
                l.numbered(msgId);
                placeInServerOrder(l);
            }
        }
    }

    /** Moves a numbered line past later lines with smaller ids, or before earlier ones with larger ids. */
    private void placeInServerOrder(ChatLine l) {
        int at = indexOf(l);
        if (at < 0) {
            return;
        }
        int target = at;
        for (int i = at + 1; i < lines.size(); i++) {
            int id = lines.get(i).msgId();
            if (id != 0 && id < l.msgId()) {
                target = i;
            }
        }
        for (int i = at - 1; target == at && i >= 0; i--) {
            if (lines.get(i).msgId() > l.msgId()) {
                target = i;
            }
        }
        if (target != at) {
            lines.remove(at);
            lines.add(target, l);
        }
    }

    private int indexOf(ChatLine l) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i) == l) {
                return i;
            }
        }
        return -1;
    }

    public void failed(long localId, String reason) {
        ChatLine l = pending.remove(localId);
        if (l != null) {
            l.failed(reason);
        }
    }

    public void members(List<Packet.Member> list) {
        members = List.copyOf(list);
        for (Packet.Member m : list) {
            if (m.name().equals(user)) {
                host = m.host();
            }
        }
    }

    public void status(NetEvent.Status s) {
        status = s;
    }

    public void end(String why) {
        endedWhy = why.isEmpty() ? "ended" : why;
    }

    public void seen() {
        unread = 0;
        mentioned = false;
    }

    /** Scrolls by {@code rows} (positive: up, into the past), clamped to [0, maxScroll]. */
    public void scrollBy(int rows, int maxScroll) {
        scroll = Math.max(0, Math.min(maxScroll, scroll + rows));
        if (scroll == 0) {
            newBelow = false;
        }
    }

    public void scrollToTop(int maxScroll) {
        scroll = Math.max(0, maxScroll);
    }

    public void scrollToBottom() {
        scroll = 0;
        newBelow = false;
    }

    /** {@code who} said something here at {@code timeMillis}. */
    public void spoke(String who, long timeMillis) {
        lastSpoke.merge(who, timeMillis, Math::max);
    }

    /** Whether {@code who} said something here at or after {@code sinceMillis}. */
    public boolean spokeSince(String who, long sinceMillis) {
        return lastSpoke.getOrDefault(who, Long.MIN_VALUE) >= sinceMillis;
    }

    void kickedByUs(String who) {
        kickedByUs.add(who);
    }

    /** Whether this client asked to kick {@code who} (asked once: the answer is used up). */
    boolean takeKickedByUs(String who) {
        return kickedByUs.remove(who);
    }

    public boolean isMember(String who) {
        return members.stream().anyMatch(m -> m.name().equals(who));
    }
}
