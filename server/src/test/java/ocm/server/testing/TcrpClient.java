package ocm.server.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import ocm.protocol.ProtocolException;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.Compliance;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.JoinRoom;
import ocm.protocol.tcrp.ListRooms;
import ocm.protocol.tcrp.Refusal;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.protocol.tcrp.TcrpReply;
import ocm.protocol.tcrp.TcrpRequest;

/** A blocking TCRP client for tests: one request per connection, as the protocol says. */
public final class TcrpClient {
    /** The two answers to one request. */
    public record Answer(Compliance compliance, TcrpReply complete) {
        public boolean ok() {
            return compliance.success() && complete instanceof Admission;
        }

        public Admission admission() {
            if (!(complete instanceof Admission)) {
                throw new AssertionError("expected an admission, got " + complete + " / " + compliance);
            }
            return (Admission) complete;
        }

        public Refusal refusal() {
            if (!(complete instanceof Refusal)) {
                throw new AssertionError("expected a refusal, got " + complete);
            }
            return (Refusal) complete;
        }
    }

    private final String host;
    private final int port;

    public TcrpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public TcrpClient(int port) {
        this("127.0.0.1", port);
    }

    public Answer create(String room, String user) throws IOException {
        return request(new CreateRoom(room, user, Optional.empty(), 1));
    }

    public Answer create(String room, String user, Optional<String> password, int protocol) throws IOException {
        return request(new CreateRoom(room, user, password, protocol));
    }

    public Answer join(String room, String user) throws IOException {
        return request(new JoinRoom(room, user, Optional.empty(), 1));
    }

    public Answer join(String room, String user, Optional<String> password, int protocol) throws IOException {
        return request(new JoinRoom(room, user, password, protocol));
    }

    public RoomListing list() throws IOException {
        return (RoomListing) request(new ListRooms()).complete();
    }

    public Answer request(TcrpRequest request) throws IOException {
        return exchange(TcrpCodec.encode(TcrpMessages.encodeRequest(request)));
    }

    /** Sends raw bytes and reads the two answers. */
    public Answer exchange(byte[] bytes) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            TcrpReply first = TcrpMessages.decodeReply(readFrame(in));
            TcrpReply second = TcrpMessages.decodeReply(readFrame(in));
            return new Answer((Compliance) first, second);
        } catch (ProtocolException e) {
            throw new IOException("bad reply: " + e.getMessage(), e);
        }
    }

    static TcrpFrame readFrame(DataInputStream in) throws IOException, ProtocolException {
        byte[] header = new byte[TcrpCodec.HEADER_SIZE];
        in.readFully(header);
        TcrpHeader h = TcrpCodec.decodeHeader(header, 0, header.length);
        byte[] body = new byte[h.bodySize()];
        in.readFully(body);
        return TcrpCodec.decodeBody(h, body, 0, body.length);
    }
}
