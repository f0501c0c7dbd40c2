package ocm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpListsEverySubCommandAndExitsZero() {
        assertEquals(0, run("--help"));
        String text = out.toString();
        assertTrue(text.contains("server"), text);
        assertTrue(text.contains("client"), text);
        assertTrue(text.contains("bench"), text);
    }

    @Test
    void subCommandHelpExitsZero() {
        for (String sub : new String[] {"server", "client", "bench"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(sub, "--help"), sub);
            assertTrue(out.toString().contains("Usage: chat " + sub), out.toString());
        }
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        assertEquals(2, run("--frobnicate"));
        String text = err.toString();
        assertTrue(text.contains("Unknown option: '--frobnicate'"), text);
        assertTrue(text.contains("Usage: chat"), text);
    }

    @Test
    void unknownSubCommandOptionIsAUsageErrorWithExitTwo() {
        assertEquals(2, run("server", "--nope"));
        assertTrue(err.toString().contains("Usage: chat server"), err.toString());
    }

    @Test
    void hostModeOnABusyUdpPortNamesThatPortOnceAndTheFlagThatMovesIt(@TempDir Path dir) throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertEquals(1, run("--host", "127.0.0.1", "--tcp-port", "0", "--udp-port", Integer.toString(port),
                "--data-dir", dir.toString()));
            assertEquals("chat: cannot start the server: UDP port " + port + " is in use: is a server already running?"
                + " Join it with ./chat client, or choose another port with --udp-port", err.toString().strip());
        }
    }

    @Test
    void hostModeOnABusyTcpPortNamesThatPortOnceAndTheFlagThatMovesIt(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertEquals(1, run("--host", "127.0.0.1", "--tcp-port", Integer.toString(port), "--udp-port", "0",
                "--data-dir", dir.toString()));
            assertEquals("chat: cannot start the server: TCP port " + port + " is in use: is a server already running?"
                + " Join it with ./chat client, or choose another port with --tcp-port", err.toString().strip());
        }
    }
}
