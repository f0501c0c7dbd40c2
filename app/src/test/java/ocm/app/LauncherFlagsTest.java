package ocm.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17, case 1: the launcher's JVM ends at once when memory runs out, instead of living on half-dead. */
class LauncherFlagsTest {
    @Test
    void theChatScriptRunsJavaWithExitOnOutOfMemoryError() throws Exception {
        Path script = Path.of("..", "chat");
        List<String> javaLines = Files.readAllLines(script).stream().filter(l -> l.startsWith("exec java ")).toList();
        assertEquals(1, javaLines.size(), "one java line in " + script.toAbsolutePath());
        assertTrue(javaLines.get(0).contains(" -XX:+ExitOnOutOfMemoryError "), javaLines.get(0));
    }
}
