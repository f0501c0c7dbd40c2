package ocm.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import ocm.server.ServerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code printf '/rooms\n/save\n/quit\n' | ./chat server}: the command runs the console on its stdin and stdout. */
class ServerCommandConsoleTest {
    @TempDir
    Path dir;

    @Test
    void pipedCommandsAreAnsweredOnStdoutAndQuitStopsTheServer() {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream("/rooms\n/save\n/quit\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = new CommandLine(new ServerCommand());
            cl.setErr(new PrintWriter(err, true));
            int status = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cl.execute(
                "--data-dir", dir.toString(), "--tcp-port", "0", "--udp-port", "0"));
            assertEquals(0, status, err.toString());
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        assertEquals("no rooms\nstate saved\nshutting down...\nserver stopped\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(dir.resolve("state.json")), "state file written by /save");
    }
}
