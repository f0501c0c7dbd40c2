package ocm.server.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
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
    /** Null: clear TCRP, as the seed speaks it. */
    private final SSLSocketFactory tls;
    private volatile java.security.cert.Certificate lastServerCertificate;

    public TcrpClient(String host, int port) {
        this(host, port, null);
    }

    private TcrpClient(String host, int port, SSLSocketFactory tls) {
        this.host = host;
        this.port = port;
        this.tls = tls;
    }

    /** Speaks TCRP inside TLS 1.3, accepting any server key ({@link #lastServerCertificate} shows which). */
    public static TcrpClient overTls(int port) {
        return new TcrpClient("127.0.0.1", port, TrustAnyKey.factory());
    }

    /** Lists the rooms over TLS and returns the certificate the server presented. */
    public java.security.cert.Certificate lastServerCertificateAfterList() throws IOException {
        list();
        return lastServerCertificate;
    }

    /** The certificate the server presented on the last TLS exchange. */
    public java.security.cert.Certificate lastServerCertificate() {
        return lastServerCertificate;
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
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), 5000);
            raw.setSoTimeout(10_000);
            Socket s = raw;
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(raw, host, port, true);
                ssl.startHandshake();
                lastServerCertificate = ssl.getSession().getPeerCertificates()[0];
                s = ssl;
            }
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
