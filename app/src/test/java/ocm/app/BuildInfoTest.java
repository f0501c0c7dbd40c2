package ocm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code --version}: the version and commit Maven filtered into build.properties; "unknown" when there is none. */
class BuildInfoTest {
    private static Properties props(String version, String commit) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("commit", commit);
        return p;
    }

    @Test
    void versionAndCommit() {
        assertEquals("OCM 1.2.3 (commit 3440bf8970d4)", BuildInfo.line(props("1.2.3", "3440bf8970d4")));
    }

    @Test
    void anUnfilteredOrMissingCommitIsUnknown() {
        assertEquals("OCM 1.2.3 (commit unknown)", BuildInfo.line(props("1.2.3", "${ocm.commit}")));
        assertEquals("OCM unknown (commit unknown)", BuildInfo.line(new Properties()));
    }

    @Test
    void theBuiltResourceIsFilled() {
        Properties p = BuildInfo.load();
        assertTrue(p.getProperty("version", "").matches("\\d+\\.\\d+\\.\\d+.*"), p.toString());
        assertTrue(p.getProperty("commit", "").matches("[0-9a-f]{7,40}|unknown"), p.toString());
    }

    @Test
    void dashDashVersionPrintsIt() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new java.io.PrintWriter(out, true));
        assertEquals(0, cl.execute("--version"));
        assertEquals(BuildInfo.line(BuildInfo.load()), out.toString().strip());
    }
}
