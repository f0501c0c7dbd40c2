package ocm.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ocm.protocol.ProtocolException;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.Compliance;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.protocol.tcrp.TcrpRequest;
import ocm.protocol.ucrp.v1.V1ClientMessage;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.Packet;
import ocm.protocol.ucrp.v2.V2Codec;
import ocm.protocol.ucrp.v2.V2Datagram;

/**
 * Test fixture, not a server: the least of TCRP and UCRP v1/v2 that lets the bench run end to end
 * (tokens, register, Welcome, Accepted, relay with dseq). No retransmission, no checks, but a
 * chat the bench sends again (its Accepted came late on a loaded machine) is accepted again and
 * not relayed twice, and a repeated Register keeps the session, as the real server does.
 */
final class StubRelay implements AutoCloseable {
    private static final class Member {
        final String room;
        final String name;
        SocketAddress address;
        boolean v2;
        int dseq;
        int session;
        /** Chat seq -> the message id it was relayed as. */
        final java.util.Map<Integer, Integer> relayed = new java.util.HashMap<>();

        Member(String room, String name) {
            this.room = room;
            this.name = name;
        }
    }

    private final ServerSocket tcp;
    private final DatagramChannel udp;
    private final Map<String, Member> byToken = new HashMap<>();
    private final Map<String, List<Member>> rooms = new HashMap<>();
    private final Thread tcpThread;
    private final Thread udpThread;
    private int nextToken;
    private int msgId;

    StubRelay() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        tcp = new ServerSocket(0, 50, lo);
        udp = DatagramChannel.open();
        udp.bind(new InetSocketAddress(lo, 0));
        tcpThread = new Thread(this::serveTcp, "stub-tcp");
        udpThread = new Thread(this::serveUdp, "stub-udp");
        tcpThread.start();
        udpThread.start();
    }

    int tcpPort() {
        return tcp.getLocalPort();
    }

    int udpPort() {
        return ((InetSocketAddress) udp.socket().getLocalSocketAddress()).getPort();
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] head = new byte[TcrpCodec.HEADER_SIZE];
                in.readFully(head);
                TcrpHeader h = TcrpCodec.decodeHeader(head, 0, head.length);
                byte[] body = new byte[h.bodySize()];
                in.readFully(body);
                TcrpFrame f = TcrpCodec.decodeBody(h, body, 0, body.length);
                TcrpRequest req = TcrpMessages.decodeRequest(f);
                String user = req instanceof CreateRoom c ? c.username() : ((ocm.protocol.tcrp.JoinRoom) req).username();
                String token;
                synchronized (this) {
                    token = "tok" + nextToken++;
                    Member m = new Member(f.roomName(), user);
                    byToken.put(token, m);
                    rooms.computeIfAbsent(f.roomName(), k -> new ArrayList<>()).add(m);
                }
                s.getOutputStream().write(TcrpCodec.encode(TcrpMessages.encodeReply(f.operation(), f.roomName(), Compliance.ok())));
                Admission a = new Admission(token, f.roomName(), user, req instanceof CreateRoom, user, List.of(), false);
                s.getOutputStream().write(TcrpCodec.encode(TcrpMessages.encodeReply(f.operation(), f.roomName(), a)));
            } catch (IOException | ProtocolException e) {
                // closed, or a request the stub does not understand
            }
        }
    }

    private void serveUdp() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (udp.isOpen()) {
            try {
                buf.clear();
                SocketAddress from = udp.receive(buf);
                buf.flip();
                synchronized (this) {
                    if (V2Codec.isV2(buf)) {
                        onV2(V2Codec.decode(buf), from);
                    } else {
                        onV1(V1Codec.decodeClient(buf), from);
                    }
                }
            } catch (IOException e) {
                return;
            } catch (ProtocolException e) {
                // garbage: ignore
            }
        }
    }

    private void onV1(V1ClientMessage msg, SocketAddress from) throws IOException {
        Member m = byToken.get(msg.token());
        if (m == null) {
            return;
        }
        if (msg.isRegister()) {
            m.address = from;
        } else if (!msg.isLeave()) {
            relay(m, msg.text());
        }
    }

    private void onV2(V2Datagram d, SocketAddress from) throws IOException {
        Member m = byToken.get(d.token());
        if (m == null) {
            return;
        }
        for (Packet p : d.packets()) {
            if (p instanceof Packet.Register r) {
                m.address = from;
                if (!m.v2 || m.session != r.session()) {
                    m.v2 = true;
                    m.session = r.session();
                    m.dseq = 1000;
                }
                send(m, new Packet.Welcome(r.session(), 1000, System.currentTimeMillis(), 0, 1_000_000, 1000));
            } else if (p instanceof Packet.Chat c) {
                Integer id = m.relayed.get(c.seq());
                if (id == null) {
                    id = relay(m, c.text());
                    m.relayed.put(c.seq(), id);
                }
                send(m, Packet.Accepted.taken(c.seq(), id, System.currentTimeMillis()));
            } else if (p instanceof Packet.Ping ping) {
                send(m, new Packet.Pong(ping.nonce(), System.currentTimeMillis()));
            }
        }
    }

    private int relay(Member from, String text) throws IOException {
        int id = ++msgId;
        for (Member to : rooms.get(from.room)) {
            if (to == from || to.address == null) {
                continue;
            }
            if (to.v2) {
                send(to, new Packet.ChatMessage(to.dseq++, id, System.currentTimeMillis(), false, from.name, text));
            } else {
                udp.send(ByteBuffer.wrap(V1Codec.encodeServer(from.name, text)), to.address);
            }
        }
        return id;
    }

    private void send(Member to, Packet p) throws IOException {
        if (to.address == null) {
            return;
        }
        udp.send(ByteBuffer.wrap(V2Codec.encode(V2Datagram.of(to.room, "", p))), to.address);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        tcp.close();
        udp.close();
        tcpThread.join(5_000);
        udpThread.join(5_000);
    }
}
