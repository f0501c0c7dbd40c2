package ocm.bench;

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
import ocm.protocol.tcrp.Refusal;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.protocol.tcrp.TcrpReply;
import ocm.protocol.tcrp.TcrpRequest;

/** Creates and joins rooms over TCRP the way a real client does: one connection per request, two replies. */
final class TcrpClient {
    private static final int TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress server;
    private final int protocol;

    TcrpClient(InetSocketAddress server, int protocol) {
        this.server = server;
        this.protocol = protocol;
    }

    String create(String room, String user) throws BenchException {
        return admit(new CreateRoom(room, user, Optional.empty(), protocol));
    }

    String join(String room, String user) throws BenchException {
        return admit(new JoinRoom(room, user, Optional.empty(), protocol));
    }

    /** Sends the request and returns the token of the Admission that follows a successful Compliance. */
    private String admit(TcrpRequest request) throws BenchException {
        try (Socket socket = new Socket()) {
            socket.connect(server, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(TcrpCodec.encode(TcrpMessages.encodeRequest(request)));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            TcrpReply first = readReply(in);
            TcrpReply second = readReply(in);
            if (second instanceof Admission a) {
                return a.token();
            }
            String why = second instanceof Refusal r ? r.error() + ": " + r.message()
                    : first instanceof Compliance c ? c.message() : "unexpected reply";
            throw new BenchException(describe(request) + " was refused (" + why + ")");
        } catch (IOException e) {
            throw new BenchException(describe(request) + " failed: " + e.getMessage() + " (is the server at " + server + "?)");
        } catch (ProtocolException e) {
            throw new BenchException(describe(request) + " got a malformed reply: " + e.getMessage());
        }
    }

    private static TcrpReply readReply(DataInputStream in) throws IOException, ProtocolException {
        byte[] head = new byte[TcrpCodec.HEADER_SIZE];
        in.readFully(head);
        TcrpHeader header = TcrpCodec.decodeHeader(head, 0, head.length);
        byte[] body = new byte[header.bodySize()];
        in.readFully(body);
        TcrpFrame frame = TcrpCodec.decodeBody(header, body, 0, body.length);
        return TcrpMessages.decodeReply(frame);
    }

    private static String describe(TcrpRequest request) {
        if (request instanceof CreateRoom c) {
            return "creating room " + c.room() + " as " + c.username();
        }
        JoinRoom j = (JoinRoom) request;
        return "joining room " + j.room() + " as " + j.username();
    }
}
