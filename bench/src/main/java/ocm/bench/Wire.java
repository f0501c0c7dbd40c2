package ocm.bench;

import java.nio.ByteBuffer;

/**
 * How a member loop speaks one protocol version: what it sends to register, chat, acknowledge and
 * leave, and what it makes of each datagram. Implementations write into the loop's one send buffer
 * and read from its one receive buffer: nothing is allocated per message.
 */
interface Wire {
    /** Sends this member's registration (again, for v2, until it is welcomed). */
    void register(BenchMember m, long now);

    /** True once the server has acknowledged the registration (v1 never does: true at once). */
    boolean registered(BenchMember m);

    /** Sends one bench chat with send time {@code now}; false when it could not be sent. */
    boolean chat(BenchMember m, long now, LoopStats stats);

    /** Handles one received datagram between {@code buf}'s position and limit. */
    void receive(BenchMember m, ByteBuffer buf, long now, LoopStats stats);

    /** Slow periodic work for one member: keepalives, registration retries. */
    void tick(BenchMember m, long now, LoopStats stats);

    /** Resends this member's chats that are due; called only while it has some in flight. */
    void retransmit(BenchMember m, long now, LoopStats stats);

    /** Sends this member's pending acknowledgement, if any. */
    void flushAck(BenchMember m, LoopStats stats);

    /** True when this member has no chat waiting for the server's acknowledgement. */
    boolean settled(BenchMember m);

    void leave(BenchMember m);
}
