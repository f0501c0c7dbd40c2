package ocm.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import ocm.client.config.SettingsStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Bad flag values: one line on stderr, exit code 2, nothing started. */
class ClientCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--tcp-port=abc", "--udp-port=0", "--tcp-port=70000", "--name=*server*",
            "--theme=neon", "--create=a --join=b", "--password=x", "--server= "})
    void badFlagsGiveOneLineAndExit2(String flags) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClientCommand cmd = new ClientCommand(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), new SettingsStore(dir.resolve("c.json")));
        int code = new CommandLine(cmd).execute(flags.split(" "));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, text);
        assertEquals(1, text.strip().lines().count(), text);
        assertTrue(text.startsWith("chat client: "), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--plain"})
    void plainNeedsAName(String flag) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClientCommand cmd = new ClientCommand(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), new SettingsStore(dir.resolve("c.json")));
        assertEquals(2, new CommandLine(cmd).execute(flag));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--plain needs --name"));
    }
}
