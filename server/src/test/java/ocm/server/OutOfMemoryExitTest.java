package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.server.testing.ServerMain;
import ocm.server.testing.TcrpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, case 1: a server whose relay thread dies of OutOfMemoryError does not stay up half-dead:
 * it exits non-zero (so a service manager restarts it). A child JVM with a tiny heap fills one room's
 * history (10,000 messages of 3,000 bytes, about 30 MB) until the relay runs out of memory. The child is
 * started without -XX:+ExitOnOutOfMemoryError, so the server's own handling is what is tested.
 */
class OutOfMemoryExitTest {
    private static final Pattern LISTENING = Pattern.compile("TCP (\\d+) \\(rooms\\), UDP (\\d+) \\(chat\\)");

    @TempDir
    Path dir;

    @Test
    void aServerWhoseRelayRunsOutOfMemoryExitsNonZero() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), "--no-console", "--tcp-port", "0", "--udp-port", "0", "--data-dir", dir.toString(),
                "--history", "10000", "--rate", "1000000", "--burst", "1000000").redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Matcher ports = null;
            for (String line; ports == null && (line = out.readLine()) != null; ) {
                output.add(line);
                Matcher m = LISTENING.matcher(line);
                ports = m.find() ? m : null;
            }
            assertTrue(ports != null, "the server started: " + output);
            Thread drain = new Thread(() -> out.lines().forEach(l -> {
                synchronized (output) {
                    output.add(l);
                }
            }), "oom-test-drain");
            drain.setDaemon(true);
            drain.start();
            int tcpPort = Integer.parseInt(ports.group(1));
            int udpPort = Integer.parseInt(ports.group(2));
            Admission a = new TcrpClient(tcpPort).create("big", "alice").admission();
            String text = "x".repeat(3000);
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", udpPort);
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                byte[] register = V1Codec.encodeClient("big", a.token(), V1Codec.REGISTER);
                socket.send(new DatagramPacket(register, register.length, to));
                // Send until the server is gone (it stops reading once its relay is dead), at most a few minutes.
                long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                for (int i = 0; server.isAlive() && System.nanoTime() < end; i++) {
                    byte[] chat = V1Codec.encodeClient("big", a.token(), i + " " + text);
                    socket.send(new DatagramPacket(chat, chat.length, to));
                    if (i % 100 == 99) {
                        server.waitFor(5, TimeUnit.MILLISECONDS); // pace: loopback drops what the relay cannot read
                    }
                }
            }
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server exited after its relay died; output: " + output);
            assertEquals(70, server.exitValue(), "exit status; output: " + output);
            synchronized (output) {
                assertTrue(output.stream().anyMatch(l -> l.contains("thread ocm-relay died (java.lang.OutOfMemoryError")
                        || l.contains("died (java.lang.OutOfMemoryError")), "it said why: " + output);
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
