package ocm.client.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
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

/**
 * The TCRP side: one short TCP connection per request (create, join, list), with connect and
 * read timeouts, turning every failure into a {@link ClientException} a person can read.
 */
public final class TcrpClient {
    public static final int PROTOCOL = 2;
    private final String host;
    private final int port;
    private final int timeoutMillis;

    public TcrpClient(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    public List<RoomListing.RoomSummary> listRooms() throws ClientException {
        TcrpReply reply = exchange(new ListRooms());
        if (reply instanceof RoomListing l) {
            return l.rooms();
        }
        throw new ClientException("the server sent an unexpected answer to list rooms");
    }

    public Admission enter(RoomRequest r) throws ClientException {
        TcrpRequest request = r.create()
                ? new CreateRoom(r.room(), r.user(), r.password(), PROTOCOL)
                : new JoinRoom(r.room(), r.user(), r.password(), PROTOCOL);
        TcrpReply reply = exchange(request);
        if (reply instanceof Admission a) {
            return a;
        }
        if (reply instanceof Refusal f) {
            throw new ClientException(f.message().isEmpty() ? f.error().name() : f.message());
        }
        throw new ClientException("the server sent an unexpected answer");
    }

    /** Sends one request, reads the compliance and, if it succeeded, the completion. */
    private TcrpReply exchange(TcrpRequest request) throws ClientException {
        String where = host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(TcrpCodec.encode(TcrpMessages.encodeRequest(request)));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            TcrpReply first = TcrpMessages.decodeReply(readFrame(in));
            if (first instanceof Compliance c && !c.success()) {
                String msg = c.message().isEmpty() ? c.error().map(Enum::name).orElse("refused") : c.message();
                // The completion repeats the refusal; read it if it comes, but the compliance says enough.
                throw new ClientException(msg);
            }
            return TcrpMessages.decodeReply(readFrame(in));
        } catch (UnknownHostException e) {
            throw new ClientException("unknown server address " + host);
        } catch (ConnectException e) {
            throw new ClientException("cannot reach the server at " + where + " (connection refused)");
        } catch (SocketTimeoutException e) {
            throw new ClientException("the server at " + where + " did not answer within "
                    + (timeoutMillis / 1000.0) + " s");
        } catch (EOFException e) {
            throw new ClientException("the server at " + where + " closed the connection without answering");
        } catch (ProtocolException e) {
            throw new ClientException("the server at " + where + " sent a bad reply: " + e.getMessage());
        } catch (IOException e) {
            throw new ClientException("cannot talk to the server at " + where + ": " + e.getMessage());
        }
    }

    private static TcrpFrame readFrame(DataInputStream in) throws IOException, ProtocolException {
        byte[] header = new byte[TcrpCodec.HEADER_SIZE];
        in.readFully(header);
        TcrpHeader h = TcrpCodec.decodeHeader(header, 0, header.length);
        byte[] body = new byte[h.bodySize()];
        in.readFully(body);
        return TcrpCodec.decodeBody(h, body, 0, body.length);
    }
}
