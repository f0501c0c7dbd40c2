package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    }

    @Test
    void unusableDataDirIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run r = run("--data-dir", file.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("chat server: cannot use data dir " + file), r.err());
        assertEquals(1, r.err().lines().count());
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
