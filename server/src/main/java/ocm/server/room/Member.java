package ocm.server.room;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One member of one room: its name, secret token, where its datagrams come from and, for a v2
 * member with a live session, its reliable streams. Mutated only by the relay thread.
 */
public final class Member {
    private final Room room;
    private final String name;
    private String token;
    private byte[] tokenUtf8;
    private final String tokenHash;
    private final String clientIp;
    private final long joinedAt;
    private final TokenBucket bucket;
    private InetSocketAddress address;
    private int protocol;
    private long lastHeard;
    private DeliveryStream stream;
    /** How deliveries reach this member; {@link MemberLink#NONE} until its client registers. */
    private MemberLink link = MemberLink.NONE;
    private boolean gone;
    /** New v2 sessions this member may start (made at its first register); each costs a history replay. */
    private TokenBucket newSessions;
    /** While no session is live: {@link #chatNext()} as the last session (or the state file) left it. */
    private long chatNextSaved = NO_CHAT_NEXT;
    public static final long NO_CHAT_NEXT = -1;

    Member(Room room, String name, String token, String tokenHash, String clientIp, int protocol,
           long joinedAt, TokenBucket bucket) {
        this.room = Objects.requireNonNull(room, "room");
        this.name = Objects.requireNonNull(name, "name");
        this.token = token;
        this.tokenUtf8 = token == null ? null : ocm.protocol.Utf8.encode(token);
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.clientIp = clientIp;
        this.protocol = protocol;
        this.joinedAt = joinedAt;
        this.lastHeard = joinedAt;
        this.bucket = bucket;
    }

    public Room room() {
        return room;
    }

    public String name() {
        return name;
    }

    /** The token, or null for a member restored from the state file whose client has not spoken yet. */
    public String token() {
        return token;
    }

    void token(String t) {
        token = t;
        tokenUtf8 = ocm.protocol.Utf8.encode(t);
    }

    byte[] tokenUtf8() {
        return tokenUtf8;
    }

    public String tokenHash() {
        return tokenHash;
    }

    /** The IP the member joined from over TCP (for bans), or null when unknown. */
    public String clientIp() {
        return clientIp;
    }

    public boolean isHost() {
        return room.hostName().equals(name);
    }

    public long joinedAt() {
        return joinedAt;
    }

    public TokenBucket bucket() {
        return bucket;
    }

    /** The registered UDP address, or null before the first register. */
    public InetSocketAddress address() {
        return address;
    }

    public void address(InetSocketAddress a) {
        address = a;
    }

    /** 1 (seed datagrams) or 2; 0 while the member has not registered. At TCRP time, the protocol it asked for. */
    public int protocol() {
        return protocol;
    }

    public void protocol(int p) {
        protocol = p;
    }

    public long lastHeard() {
        return lastHeard;
    }

    public void heard(long now) {
        lastHeard = now;
    }

    /** The limit on new v2 sessions, or null before the first register. */
    public TokenBucket newSessions() {
        return newSessions;
    }

    public void newSessions(TokenBucket b) {
        newSessions = b;
    }

    public MemberLink link() {
        return link;
    }

    /** Set by the transport that registered the member; the room service delivers through it. */
    public void link(MemberLink l) {
        link = java.util.Objects.requireNonNull(l, "link");
    }

    /** The live v2 session, or null (v1 member, or v2 member that must register again). */
    public DeliveryStream stream() {
        return stream;
    }

    /** Replaces the live session; what the old one processed of the member's chats is kept. */
    public void stream(DeliveryStream s) {
        chatNextSaved = chatNext();
        stream = s;
    }

    /**
     * The first of this member's v2 chat seqs (unsigned) not yet processed: every chat before it
     * was relayed or refused, across its sessions and restarts. {@link #NO_CHAT_NEXT} when unknown
     * (v1, or no v2 session since the member joined).
     */
    public long chatNext() {
        return stream != null ? Integer.toUnsignedLong(stream.chats().cumulative() + 1) : chatNextSaved;
    }

    /** Restores {@link #chatNext()} from the state file. */
    public void chatNext(long next) {
        if (next < NO_CHAT_NEXT || next > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("chatNext out of range: " + next);
        }
        chatNextSaved = next;
    }

    public boolean gone() {
        return gone;
    }

    void markGone() {
        gone = true;
    }

    /** The IP of the registered address, else the TCP one: what a ban refuses. */
    public String ip() {
        if (address != null && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        return clientIp;
    }

    @Override
    public String toString() {
        return "Member[" + name + "@" + room.name() + "]";
    }
}
