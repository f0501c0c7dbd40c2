package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import ocm.server.config.ServerConfig;
import org.junit.jupiter.api.Test;

/** The seed's wire format, spoken by a Python script as the seed's own client does, against this server. */
class SeedClientTest {
    @Test
    void seedStyleClientCreatesJoinsChatsAndSeesTheRoomClose() throws Exception {
        Path script = Path.of("src", "test", "python", "seed_client.py");
        assumeTrue(Files.exists(script), "run from the server module directory");
        assumeTrue(python3Available(), "python3 is not installed");
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            Process p = new ProcessBuilder("python3", script.toString(), Integer.toString(server.tcpPort()),
                    Integer.toString(server.udpPort()), "seed room").redirectErrorStream(true).start();
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals("OK", out, "seed client said: " + out);
            assertEquals(0, p.exitValue());
        }
    }

    private static boolean python3Available() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
