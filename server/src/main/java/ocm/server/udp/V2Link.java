package ocm.server.udp;

import java.net.InetSocketAddress;
import ocm.protocol.ErrorCode;
import ocm.protocol.Utf8;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.PacketType;
import ocm.protocol.ucrp.v2.PacketWriter;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.server.room.Announcement;
import ocm.server.room.ChatRecord;
import ocm.server.room.Encodings;
import ocm.server.room.Member;
import ocm.server.room.MemberLink;
import ocm.server.room.Outgoing;
import ocm.server.room.Room;
import ocm.server.room.RoomService;

/**
 * A UCRP v2 member: chats, room events and member lists as reliable packets on its delivery
 * stream (bundled per member when the relay flushes), endings as an {@code Ended} sent at once.
 * A fan-out's item is encoded once as an {@link Outgoing} (its body without the per-recipient
 * dseq) that every v2 recipient's stream shares. A member without a live session (restored from
 * the state file, not registered again yet) gets no deliveries: it catches up with {@code since}
 * when it registers.
 */
final class V2Link implements MemberLink {
    private final Member member;
    private final Outbox outbox;

    V2Link(Member member, Outbox outbox) {
        this.member = member;
        this.outbox = outbox;
    }

    @Override
    public boolean deliverChat(ChatRecord r, Encodings shared) {
        if (member.stream() == null) {
            return true;
        }
        Outgoing o = (Outgoing) shared.get(V2Link.class);
        if (o == null) {
            o = chatOutgoing(r);
            shared.put(V2Link.class, o);
        }
        return outbox.enqueue(member, o);
    }

    @Override
    public void ownChatNumbered(ChatRecord r) {
        if (member.stream() != null && r.senderSeq() != ChatRecord.NO_SEQ) {
            outbox.accepted(member, (int) r.senderSeq(), r.msgId(), r.timestampMillis());
        }
    }

    @Override
    public boolean deliverEvent(Announcement e, Encodings shared) {
        if (member.stream() == null) {
            return true;
        }
        Outgoing o = (Outgoing) shared.get(V2Link.class);
        if (o == null) {
            o = new Outgoing(PacketType.EVENT, V2Codec.encodeReliableTail(
                    new Packet.RoomEvent(0, e.timestampMillis(), e.kind(), e.name(), e.text())));
            shared.put(V2Link.class, o);
        }
        return outbox.enqueue(member, o);
    }

    @Override
    public boolean deliverMembers(Room room, Encodings shared) {
        if (member.stream() == null || member.address() == null) {
            return true;
        }
        Outgoing o = (Outgoing) shared.get(V2Link.class);
        if (o == null) {
            o = new Outgoing(PacketType.MEMBERS, V2Codec.encodeReliableTail(new Packet.MemberList(0, RoomService.memberRows(room))));
            shared.put(V2Link.class, o);
        }
        return outbox.enqueue(member, o);
    }

    /** A message encoded once (its body after the dseq) for every v2 recipient. */
    static Outgoing chatOutgoing(ChatRecord r) {
        return new Outgoing(PacketType.MESSAGE, PacketWriter.chatMessageTail(r.msgId(), r.timestampMillis(), r.action(),
                Utf8.encode(r.sender()), Utf8.encode(r.text())));
    }

    @Override
    public void ended(EndReason reason, String message) {
        InetSocketAddress to = member.address();
        if (to != null) {
            outbox.sendNow(member.room().nameUtf8(), to, new Packet.Ended(reason, message));
        }
    }

    @Override
    public void serverClosing(String message) {
        InetSocketAddress to = member.address();
        if (to != null) {
            outbox.sendNow(member.room().nameUtf8(), to, new Packet.Error(ErrorCode.SERVER_SHUTTING_DOWN, message));
        }
    }

    @Override
    public void unlinked() {
        outbox.detach(member);
    }

    @Override
    public String toString() {
        return "V2Link[" + member + "]";
    }
}
