package ocm.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.session.ClientSession;
import org.awaitility.Awaitility;

/** One person at an SSH client (MINA's own): a pty of a given size, keys typed, the screen read back. */
final class SshUser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    final ClientSession session;
    final ChannelShell shell;
    final AnsiScreen screen;
    private final OutputStream keys;

    private SshUser(ClientSession session, ChannelShell shell, AnsiScreen screen, OutputStream keys) {
        this.session = session;
        this.shell = shell;
        this.screen = screen;
        this.keys = keys;
    }

    static ClientSession login(SshClient client, int port, String name, KeyPair key) throws IOException {
        ClientSession s = client.connect(name, "127.0.0.1", port).verify(WAIT).getSession();
        if (key != null) {
            s.addPublicKeyIdentity(key);
        } // without one: keyboard-interactive, with no questions (a guest)
        s.auth().verify(WAIT);
        return s;
    }

    /** Logs in as {@code name} with {@code key} and opens a shell with a pty of {@code columns} x {@code rows}. */
    static SshUser open(SshClient client, int port, String name, KeyPair key, int columns, int rows) throws IOException {
        ClientSession s = login(client, port, name, key);
        ChannelShell shell = s.createShellChannel();
        shell.setPtyType("xterm");
        shell.setPtyColumns(columns);
        shell.setPtyLines(rows);
        AnsiScreen screen = new AnsiScreen(columns, rows);
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream keys = new PipedOutputStream(in);
        shell.setIn(in);
        shell.setOut(new OutputStream() {
            @Override
            public void write(int b) {
                screen.feed(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                screen.feed(b, off, len);
            }
        });
        shell.setErr(OutputStream.nullOutputStream());
        shell.open().verify(WAIT);
        return new SshUser(s, shell, screen, keys);
    }

    /** Types text (no Enter). */
    SshUser type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        return this;
    }

    /** Enter as an SSH client sends it: a lone CR. */
    SshUser enter() throws IOException {
        return type("\r");
    }

    SshUser resize(int columns, int rows) throws IOException {
        screen.resize(columns, rows);
        shell.sendWindowChange(columns, rows);
        return this;
    }

    /** Waits until the screen shows something matching {@code p}. */
    String awaitScreen(String what, Predicate<String> p) {
        try {
            return Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(screen::text, p);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; the screen shows:\n" + screen.text(), e);
        }
    }

    String awaitText(String text) {
        return awaitScreen("the screen to show '" + text + "'", s -> s.contains(text));
    }

    @Override
    public void close() throws IOException {
        session.close(true);
    }
}
