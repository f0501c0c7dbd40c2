package ocm.bench;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import ocm.protocol.tcrp.JoinRoom;
import ocm.protocol.tcrp.CreateRoom;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;

/**
 * The cost of TLS per join: N joins in clear and N over TLS 1.3 against an embedded server, one
 * connection each, alternating in rounds so that noise hits both alike. Prints the medians.
 * Run: java -cp bench/target/test-classes:bench/target/classes:... ocm.bench.TlsJoinCost [N]
 */
public final class TlsJoinCost {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        SSLSocketFactory tls = anyKey();
        try (ChatServer server = new ChatServer(ServerConfig.forTests().withLimits(10, 10_000, 4096, 4096)).start()) {
            int port = server.tcpPort();
            join(port, null, new CreateRoom("bench", "host", Optional.empty(), 2));
            long[] clear = new long[n];
            long[] secure = new long[n];
            for (int i = 0; i < 50; i++) { // warm-up
                join(port, tls, new JoinRoom("bench", "w" + i, Optional.empty(), 2));
                join(port, null, new JoinRoom("bench", "v" + i, Optional.empty(), 2));
            }
            for (int i = 0; i < n; i++) {
                clear[i] = join(port, null, new JoinRoom("bench", "c" + i, Optional.empty(), 2));
                secure[i] = join(port, tls, new JoinRoom("bench", "s" + i, Optional.empty(), 2));
            }
            Arrays.sort(clear);
            Arrays.sort(secure);
            System.out.printf("joins: %d each; median clear %.2f ms, TLS %.2f ms; p90 clear %.2f ms, TLS %.2f ms%n", n,
                    clear[n / 2] / 1e6, secure[n / 2] / 1e6, clear[n * 9 / 10] / 1e6, secure[n * 9 / 10] / 1e6);
        }
    }

    private static long join(int port, SSLSocketFactory tls, ocm.protocol.tcrp.TcrpRequest request) throws Exception {
        long start = System.nanoTime();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress("127.0.0.1", port));
            raw.setTcpNoDelay(true); // as the client does (PinnedTls)
            Socket s = raw;
            if (tls != null) {
                SSLSocket ssl = (SSLSocket) tls.createSocket(raw, "127.0.0.1", port, true);
                ssl.startHandshake();
                s = ssl;
            }
            OutputStream out = s.getOutputStream();
            out.write(TcrpCodec.encode(TcrpMessages.encodeRequest(request)));
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int f = 0; f < 2; f++) {
                byte[] h = new byte[TcrpCodec.HEADER_SIZE];
                in.readFully(h);
                TcrpHeader header = TcrpCodec.decodeHeader(h, 0, h.length);
                in.readFully(new byte[header.bodySize()]);
            }
        }
        return System.nanoTime() - start;
    }

    private static SSLSocketFactory anyKey() throws Exception {
        X509TrustManager any = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, new TrustManager[] {any}, new SecureRandom());
        return ctx.getSocketFactory();
    }
}
