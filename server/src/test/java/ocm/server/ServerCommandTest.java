package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import ocm.server.config.AbuseLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./chat server} flags: bad values are one clear line and exit status 2, before anything starts. */
class ServerCommandTest {
    @TempDir
    Path dir;

    private record Run(int status, String err) {
    }

    private Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ServerCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int status = cl.execute(args);
        return new Run(status, err.toString().strip());
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        Run r = run("--tcp-port", "70000", "--data-dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("chat server: TCP port must be 0..65535, got 70000", r.err());
    }

    @Test
    void negativeLimitIsAUsageError() {
        Run r = run("--max-rooms", "-1", "--data-dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("chat server: max rooms must be > 0, got -1", r.err());
        assertEquals(2, run("--v2-idle-timeout", "0", "--data-dir", dir.toString()).status());
        assertEquals(2, run("--rate", "-5", "--data-dir", dir.toString()).status());
        Run history = run("--history", "10001", "--data-dir", dir.toString());
        assertEquals(2, history.status());
        assertTrue(history.err().contains("history size must be 0..10000, got 10001"), history.err());
    }

    @Test
    void abuseLimitFlagsReachTheLimitsAndBadOnesAreUsageErrors() {
        ServerCommand c = new ServerCommand();
        new CommandLine(c).parseArgs("--new-rooms-per-ip", "7", "--requests-per-ip", "3", "--max-state-mb", "5");
        AbuseLimits a = c.abuseLimits();
        assertEquals(7, a.roomCreateBurst());
        assertEquals(3, a.maxRequestsInFlightPerIp());
        assertEquals(5L * 1024 * 1024, a.maxStateFileBytes());
        ServerCommand d = new ServerCommand();
        new CommandLine(d).parseArgs();
        assertEquals(AbuseLimits.defaults(), d.abuseLimits());
        Run r = run("--requests-per-ip", "0", "--data-dir", dir.toString());
        assertEquals(2, r.status());
        assertEquals("chat server: max requests in flight per IP must be > 0, got 0", r.err());
        assertEquals(2, run("--new-rooms-per-ip", "-1", "--data-dir", dir.toString()).status());
        assertEquals(2, run("--max-state-mb", "0", "--data-dir", dir.toString()).status());
    }

    @Test
    void unusableDataDirIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run r = run("--data-dir", file.toString());
        assertEquals(2, r.status());
        assertEquals("chat server: cannot use data dir " + file + ": it exists and is not a directory", r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void aDataDirThatCannotBeCreatedSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run underAFile = run("--data-dir", file.resolve("ocm").toString());
        assertEquals(2, underAFile.status());
        assertEquals("chat server: cannot use data dir " + file.resolve("ocm") + ": cannot create it: " + file
                + " is a file, not a directory", underAFile.err());
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        assertEquals("chat server: cannot use data dir /proc/nope: cannot create it: no such file or directory"
                + " (/proc does not allow new directories)", run("--data-dir", "/proc/nope").err());
    }

    @Test
    void aTcpPortInUseIsNamedWithTheFlagThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("--host", "127.0.0.1", "--tcp-port",
                    String.valueOf(port), "--udp-port", "0", "--no-console", "--data-dir", dir.toString()));
            assertEquals(1, r.status());
            assertEquals("chat server: cannot start: TCP port " + port + " is in use: is another server running? Stop it,"
                    + " or choose another port with --tcp-port", lastLine(r.err()));
        }
    }

    @Test
    void aUdpPortInUseIsNamedWithTheFlagThatMovesIt() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("--host", "127.0.0.1", "--tcp-port", "0",
                    "--udp-port", String.valueOf(port), "--no-console", "--data-dir", dir.toString()));
            assertEquals(1, r.status());
            assertEquals("chat server: cannot start: UDP port " + port + " is in use: is another server running? Stop it,"
                    + " or choose another port with --udp-port", lastLine(r.err()));
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void notANumberIsAUsageError() {
        assertEquals(2, run("--udp-port", "lots").status());
    }

    @Test
    void helpListsTheFlagsWithDefaults() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ServerCommand());
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--help"));
        String help = out.toString();
        for (String flag : new String[] {"--host", "--tcp-port", "--udp-port", "--data-dir", "--no-console", "--max-rooms",
                "--max-members", "--max-connections-per-ip", "--rate", "--burst", "--v1-idle-timeout", "--v2-idle-timeout"}) {
            assertTrue(help.contains(flag), flag);
        }
        assertTrue(help.contains("Default: 9090"));
    }
}
