package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The whole tool end to end against an embedded {@code ChatServer}, at a rate low enough that
 * loopback loses nothing: every chat sent in the window reaches every other member of its room.
 * Counts only; no timing is asserted.
 */
class BenchSmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void benchAgainstAnEmbeddedServerDeliversEveryMessageToEveryOtherMember(String protocol) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BenchCommand command = new BenchCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(command).execute("--protocol", protocol, "--rooms", "2", "--members", "5",
                "--senders", "2", "--rate", "40", "--duration", "1", "--warmup", "0.3", "--json");
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        StepResult r = command.report().result();
        assertTrue(r.sent() > 0, "sent " + r.sent());
        assertEquals(r.sent() * 4, r.expected());
        assertEquals(r.expected(), r.delivered(), "every delivery counted, none lost");
        assertEquals(0, r.errors());
        assertEquals(0, r.ended());
        assertNotNull(r.serverCpuSeconds(), "an embedded server reports its CPU time");
        String json = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, json.strip().lines().count(), json);
        assertTrue(json.contains("\"protocol\":\"" + protocol + "\""), json);
    }
}
