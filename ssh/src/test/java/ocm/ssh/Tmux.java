package ocm.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * A real terminal for a real program (OpenSSH): a tmux server on a private socket (never anyone's
 * sessions), send-keys in, capture-pane out.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "ssh-ocm-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Skips the test, saying why, when a program is missing; on CI (.ci/run installs them) it fails instead. */
    static void requireCommand(String command) {
        boolean present = run(List.of("sh", "-c", "command -v " + command)).exit == 0;
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError(command + " is missing on CI (.ci/run installs it)");
        }
        Assumptions.assumeTrue(present, command + " is not installed: this test needs OpenSSH and tmux (apt-get install -y openssh-client tmux)");
    }

    void start(String session, int columns, int rows, String shellCommand) {
        check(tmux("new-session", "-d", "-s", session, "-x", String.valueOf(columns), "-y", String.valueOf(rows), shellCommand));
    }

    /** Types {@code literal} as UTF-8 bytes. */
    void keys(String session, String literal) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session, "-H"));
        for (byte b : literal.getBytes(StandardCharsets.UTF_8)) {
            args.add(String.format("%02x", b & 0xff));
        }
        check(tmux(args.toArray(String[]::new)));
    }

    void key(String session, String key) {
        check(tmux("send-keys", "-t", session, key));
    }

    String capture(String session) {
        Result r = tmux("capture-pane", "-p", "-t", session);
        return r.exit == 0 ? r.out : "";
    }

    String await(String session, String needle) {
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> capture(session), s -> s.contains(needle));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("tmux session " + session + " never showed '" + needle + "'; it shows:\n" + capture(session), e);
        }
    }

    @Override
    public void close() {
        tmux("kill-server");
    }

    private Result tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static void check(Result r) {
        if (r.exit != 0) {
            throw new AssertionError("tmux failed: " + r.out);
        }
    }

    record Result(int exit, String out) {
    }

    static Result run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
