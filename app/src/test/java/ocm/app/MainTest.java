package ocm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
}
