package ocm.client.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import ocm.protocol.ucrp.v2.V2Codec;

/**
 * The TCRP side: one short TCP connection per request (create, join, list), with a connect limit
 * and one deadline for the whole reply, turning every failure into a {@link ClientException} a
 * person can read. {@link #close} ends a request in progress (the user is quitting).
 */
public final class TcrpClient implements AutoCloseable {
    private final String host;
    private final int port;
    private final int connectMillis;
    private final int replyMillis;
    private final TcrpTransport transport;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code replyMillis} bounds everything after the connect: a server that trickles bytes cannot hold us. */
    public TcrpClient(String host, int port, int connectMillis, int replyMillis) {
        this(host, port, connectMillis, replyMillis, TcrpTransport.CLEAR);
    }

    /** Over {@code transport} (TLS with a pinned key for {@code ./chat client}). */
    public TcrpClient(String host, int port, int connectMillis, int replyMillis, TcrpTransport transport) {
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.connectMillis = connectMillis;
        this.replyMillis = replyMillis;
    }

    /** Ends any request in progress and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        for (Socket s : open) {
            try {
                s.close(); // the blocked connect or read throws at once
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
    }

    public List<RoomListing.RoomSummary> listRooms() throws ClientException {
        return listing().rooms();
    }

    /** The whole room listing, with how many rooms the server left out. */
    public RoomListing listing() throws ClientException {
        TcrpReply reply = exchange(new ListRooms());
        if (reply instanceof RoomListing l) {
            return l;
        }
        throw new ClientException("the server sent an unexpected answer to list rooms");
    }

    public Admission enter(RoomRequest r) throws ClientException {
        TcrpRequest request = r.create()
                ? new CreateRoom(r.room(), r.user(), r.password(), V2Codec.VERSION)
                : new JoinRoom(r.room(), r.user(), r.password(), V2Codec.VERSION);
        TcrpReply reply = exchange(request);
        if (reply instanceof Admission a) {
            return a;
        }
        if (reply instanceof Refusal f) {
            throw new ClientException(f.message().isEmpty() ? f.error().name() : f.message());
        }
        throw new ClientException("the server sent an unexpected answer");
    }

    /** Sends one request, reads the compliance and, if it succeeded, the completion, all before one deadline. */
    private TcrpReply exchange(TcrpRequest request) throws ClientException {
        String where = host + ":" + port;
        Socket socket = new Socket();
        Deadline deadline = null; // set once connected
        open.add(socket);
        try (socket) {
            if (closed) {
                throw new ClientException("the client is shutting down");
            }
            socket.connect(new InetSocketAddress(host, port), connectMillis);
            deadline = new Deadline(socket, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(replyMillis));
            deadline.armForNextRead(); // the TLS handshake is part of the reply's time
            Socket wire = transport.open(socket, host, port);
            OutputStream out = wire.getOutputStream();
            out.write(TcrpCodec.encode(TcrpMessages.encodeRequest(request)));
            out.flush();
            InputStream in = wire.getInputStream();
            TcrpReply first = TcrpMessages.decodeReply(readFrame(in, deadline));
            if (first instanceof Compliance c && !c.success()) {
                String msg = c.message().isEmpty() ? c.error().map(Enum::name).orElse("refused") : c.message();
                // The completion repeats the refusal; read it if it comes, but the compliance says enough.
                throw new ClientException(msg);
            }
            return TcrpMessages.decodeReply(readFrame(in, deadline));
        } catch (UnknownHostException e) {
            throw new ClientException("unknown server address " + host);
        } catch (ConnectException e) {
            throw new ClientException("cannot reach the server at " + where + " (connection refused)");
        } catch (SocketTimeoutException e) {
            throw new ClientException(timeoutMessage(where, deadline));
        } catch (EOFException e) {
            throw new ClientException("the server at " + where + " closed the connection without answering");
        } catch (ProtocolException e) {
            throw new ClientException("the server at " + where + " sent a bad reply: " + e.getMessage());
        } catch (javax.net.ssl.SSLException e) {
            throw new ClientException("no TLS with the server at " + where + " (" + e.getMessage()
                    + "); is it an older server without TLS? OCM never falls back to a clear connection");
        } catch (IOException e) {
            throw new ClientException(closed ? "the request was cancelled: the client is shutting down"
                    : "cannot talk to the server at " + where + ": " + e.getMessage());
        } finally {
            open.remove(socket);
        }
    }

    private String timeoutMessage(String where, Deadline deadline) {
        if (deadline == null) {
            return "the server at " + where + " did not accept the connection within " + seconds(connectMillis);
        }
        return "the server at " + where + (deadline.received == 0 ? " did not answer within "
                : " did not finish its reply within ") + seconds(replyMillis);
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    private static TcrpFrame readFrame(InputStream in, Deadline deadline) throws IOException, ProtocolException {
        byte[] header = new byte[TcrpCodec.HEADER_SIZE];
        readFully(in, header, deadline);
        TcrpHeader h = TcrpCodec.decodeHeader(header, 0, header.length);
        byte[] body = new byte[h.bodySize()];
        readFully(in, body, deadline);
        return TcrpCodec.decodeBody(h, body, 0, body.length);
    }

    /** Like DataInputStream.readFully, but each read may only wait for what is left of the deadline. */
    private static void readFully(InputStream in, byte[] buf, Deadline deadline) throws IOException {
        int done = 0;
        while (done < buf.length) {
            deadline.armForNextRead();
            int n = in.read(buf, done, buf.length - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
            deadline.received += n;
        }
    }

    /** The end of the whole reply; sets the socket's read timeout to the time left before each read. */
    private static final class Deadline {
        private final Socket socket;
        private final long endNanos;
        private long received;

        Deadline(Socket socket, long endNanos) {
            this.socket = socket;
            this.endNanos = endNanos;
        }

        void armForNextRead() throws IOException {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime());
            if (leftMillis <= 0) {
                throw new SocketTimeoutException("reply deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
        }
    }
}
