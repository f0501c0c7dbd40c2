package ocm.client.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives a real terminal: a tmux server on a private socket (so it never touches anyone's
 * sessions), one session per program, send-keys in, capture-pane out.
 */
public final class Tmux implements AutoCloseable {
    private final String socket = "ocm-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Skips the test when tmux is missing on a developer machine; on CI (CI set) it must be there. */
    public static Tmux require() {
        boolean present = run(List.of("sh", "-c", "command -v tmux")).exit == 0;
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("tmux is missing on CI (.ci/run installs it)");
        }
        Assumptions.assumeTrue(present, "tmux is not installed");
        return new Tmux();
    }

    public void start(String session, int columns, int rows, String shellCommand) {
        check(tmux("new-session", "-d", "-s", session, "-x", String.valueOf(columns), "-y", String.valueOf(rows),
                shellCommand));
    }

    /** Types {@code literal}; sent as UTF-8 bytes in hex, so the test JVM's locale cannot mangle it. */
    public void keys(String session, String literal) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session, "-H"));
        for (byte b : literal.getBytes(StandardCharsets.UTF_8)) {
            args.add(String.format("%02x", b & 0xff));
        }
        check(tmux(args.toArray(String[]::new)));
    }

    public void key(String session, String key) {
        check(tmux("send-keys", "-t", session, key));
    }

    public String capture(String session) {
        Result r = tmux("capture-pane", "-p", "-t", session);
        return r.exit == 0 ? r.out : "";
    }

    public String await(String session, String needle) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String s = "";
        while (System.nanoTime() < deadline) {
            s = capture(session);
            if (s.contains(needle)) {
                return s;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("tmux session " + session + " never showed '" + needle + "'; it shows:\n" + s);
    }

    /** A tmux format for the session's window, e.g. {@code #{window_bell_flag}} (1 once a bell rang there). */
    public String format(String session, String format) {
        Result r = tmux("display-message", "-p", "-t", session, format);
        return r.exit == 0 ? r.out.strip() : "";
    }

    /** Resizes the session's window, as a terminal grown or shrunk by its user. */
    public void resize(String session, int columns, int rows) {
        check(tmux("resize-window", "-t", session, "-x", String.valueOf(columns), "-y", String.valueOf(rows)));
    }

    /** Waits until {@code format} gives {@code value}. */
    public void awaitFormat(String session, String format, String value) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String got = "";
        while (System.nanoTime() < deadline) {
            got = format(session, format);
            if (got.equals(value)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("tmux session " + session + ": " + format + " is '" + got + "', not '" + value + "'");
    }

    @Override
    public void close() {
        tmux("kill-server");
    }

    private Result tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-L", socket, "-f", "/dev/null")); // -u: UTF-8 whatever the locale
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static void check(Result r) {
        if (r.exit != 0) {
            throw new AssertionError("tmux failed: " + r.out);
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> cmd) {
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

    /** A shell command running the client in a fresh JVM with this test's class path. */
    public static String clientCommand(String configDir, String... args) {
        StringBuilder b = new StringBuilder("env XDG_CONFIG_HOME=").append(quote(configDir))
                .append(" XDG_DATA_HOME=").append(quote(configDir + "/data"))
                .append(" java -Djava.awt.headless=true -cp ").append(quote(System.getProperty("java.class.path")))
                .append(" ocm.client.ClientMain");
        for (String a : args) {
            b.append(' ').append(quote(a));
        }
        return b.append("; echo \"client exited with $?\"; sleep 600").toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
