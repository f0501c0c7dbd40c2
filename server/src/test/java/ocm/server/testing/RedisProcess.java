package ocm.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} for the cluster tests, as a child process on a free loopback port
 * with no persistence (a restart loses everything, as a Redis that lost its data would). Tests
 * are skipped, saying why, only when the binary is not installed; CI installs it.
 */
public final class RedisProcess implements AutoCloseable {
    private final String binary;
    private final int port;
    private Process process;

    private RedisProcess(String binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /** Starts one, or skips the test when redis-server is not installed. */
    public static RedisProcess start() throws IOException, InterruptedException {
        String binary = find();
        Assumptions.assumeTrue(binary != null, "redis-server is not installed (apt-get install redis-server): cluster test skipped");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RedisProcess r = new RedisProcess(binary, port);
        r.launch();
        return r;
    }

    private static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "redis-server");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : null;
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary, "--bind", "127.0.0.1", "--port", String.valueOf(port), "--save", "",
                "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            } catch (IOException notYet) {
                if (System.nanoTime() > end || !process.isAlive()) {
                    throw new IOException("redis-server did not answer PING on port " + port, notYet);
                }
                Thread.sleep(20);
            }
        }
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops it (its data is gone) and starts it again on the same port. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    /** One command (words without spaces of their own), its reply's first line. */
    public String command(String... words) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            StringBuilder b = new StringBuilder("*" + words.length + "\r\n");
            for (String w : words) {
                b.append('$').append(w.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(w).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    private void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
