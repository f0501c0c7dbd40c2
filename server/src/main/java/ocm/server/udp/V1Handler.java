package ocm.server.udp;

import java.net.InetSocketAddress;
import java.util.logging.Logger;
import ocm.protocol.Limits;
import ocm.protocol.Utf8;
import ocm.protocol.ucrp.v1.V1ClientMessage;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.config.Addresses;
import ocm.server.room.ChatRecord;
import ocm.server.room.Member;
import ocm.server.room.Revocations;
import ocm.server.room.RoomRegistry;
import ocm.server.room.RoomService;
import ocm.server.stats.Counters;
import ocm.server.stats.DropReason;

/** What a seed-format (v1) datagram means: register, leave, or a chat to relay. Relay thread only. */
final class V1Handler {
    private static final Logger LOG = Logger.getLogger("ocm.server.relay");
    private static final byte[] SERVER_SENDER = Utf8.encode(ocm.protocol.Names.SERVER_SENDER);

    private final RoomRegistry registry;
    private final Counters counters;
    private final Outbox outbox;
    private final RoomService rooms;

    V1Handler(RoomRegistry registry, Counters counters, Outbox outbox, RoomService rooms) {
        this.registry = registry;
        this.counters = counters;
        this.outbox = outbox;
        this.rooms = rooms;
    }

    void onDatagram(V1ClientMessage msg, InetSocketAddress from, long now) {
        Member m = registry.byToken(msg.token());
        if (m == null) {
            Revocations.Revoked r = registry.revoked(msg.token(), now);
            if (r != null && r.room().equals(msg.room()) && from.equals(r.address())) {
                outbox.sendRoomClosed(from);
                counters.drop(DropReason.REVOKED_TOKEN);
            } else {
                counters.drop(r != null ? DropReason.REVOKED_TOKEN : DropReason.UNKNOWN_TOKEN);
            }
            return;
        }
        if (!m.room().name().equals(msg.room())) {
            counters.drop(DropReason.WRONG_ROOM);
            return;
        }
        if (msg.isRegister()) {
            registerV1(m, from, now);
            return;
        }
        if (!from.equals(m.address())) {
            counters.drop(m.address() == null ? DropReason.NOT_REGISTERED : DropReason.WRONG_ADDRESS);
            return;
        }
        m.heard(now);
        if (msg.isLeave()) {
            rooms.end(m, EndReason.LEFT, "", now);
            return;
        }
        if (!m.bucket().tryTake(now)) {
            counters.drop(DropReason.RATE_LIMITED);
            return;
        }
        if (msg.text().isEmpty()) {
            counters.drop(DropReason.GARBAGE);
            return;
        }
        int bytes = Utf8.encode(msg.text()).length;
        if (bytes > Limits.MAX_TEXT_BYTES) {
            counters.drop(DropReason.TOO_LONG);
            outbox.sendV1Once(SERVER_SENDER, Utf8.encode("your message was not sent: it is " + bytes + " bytes, the limit is "
                    + Limits.MAX_TEXT_BYTES), from);
            return;
        }
        rooms.chat(m, false, msg.text(), ChatRecord.NO_SEQ, now);
    }

    private void registerV1(Member m, InetSocketAddress from, long now) {
        if (!SourceIp.allowed(m, from)) {
            counters.drop(DropReason.WRONG_IP);
            return;
        }
        if (m.protocol() == 2 && m.address() != null) {
            // A v2 member moves only by a v2 register, which must prove its new address.
            counters.drop(DropReason.WRONG_PROTOCOL);
            return;
        }
        boolean first = m.address() == null;
        boolean wasV2 = m.protocol() == 2 && m.stream() != null;
        if (!(m.link() instanceof V1Link)) {
            m.link().unlinked();
            m.link(new V1Link(m, outbox));
        }
        m.stream(null);
        m.address(from);
        m.protocol(1);
        m.heard(now);
        if (first) {
            LOG.info(() -> m.name() + " registered in '" + m.room().name() + "' from " + Addresses.show(from) + " (v1)");
        }
        if (wasV2) {
            rooms.broadcastMembers(m.room(), now);
        }
    }
}
