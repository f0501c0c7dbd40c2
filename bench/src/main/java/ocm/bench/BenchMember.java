package ocm.bench;

import java.nio.channels.DatagramChannel;

/**
 * One simulated room member: its UDP socket (connected to the server, so reads and writes
 * allocate nothing), the pre-encoded datagram prefix carrying its room and token, and its v2
 * reliability state when it speaks v2.
 */
final class BenchMember {
    final int id;
    final int room;
    final boolean host;
    final boolean sender;
    final DatagramChannel channel;
    /** v1: {@code [room len][token len][room][token]}; v2: the datagram header with room and token. */
    final byte[] prefix;
    /** Null for v1 members. */
    final V2State v2;
    /** Next chat sequence number of a v1 sender (v2 numbers come from its send window). */
    int v1Seq;
    /** True while this sender is on its loop's list of members with chats in flight. */
    boolean inFlight;

    BenchMember(int id, int room, boolean host, boolean sender, DatagramChannel channel, byte[] prefix, V2State v2) {
        this.id = id;
        this.room = room;
        this.host = host;
        this.sender = sender;
        this.channel = channel;
        this.prefix = prefix;
        this.v2 = v2;
    }
}
