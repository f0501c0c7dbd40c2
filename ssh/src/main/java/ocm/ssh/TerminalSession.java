package ocm.ssh;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import ocm.client.config.ClientSettings;
import ocm.client.config.SettingsStore;
import ocm.client.net.ServerAddress;
import ocm.client.term.InputQueue;
import ocm.client.term.StreamTerminal;
import ocm.client.ui.ClientApp;
import ocm.client.ui.ClientUi;
import ocm.client.ui.Theme;
import ocm.protocol.Names;
import ocm.server.identity.NameOwners;
import ocm.server.local.LocalRooms;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;

/**
 * One SSH user's terminal: the full-screen client ({@link ClientApp} and its screens) running in
 * this process on a Lanterna terminal over the channel's streams, at the pty's size and following
 * its window changes, the connect screen skipped (the server is this one, the name the login's).
 * Threads: "ocm-ssh-in-N" moves what the user types into the screen's input (and wakes the UI,
 * which otherwise sleeps), "ocm-ssh-N" runs the session to its end and tidies up, plus the
 * client's own "ocm-ui" and "ocm-ui-work". Nothing process-wide is touched: no stty, no loggers,
 * no shutdown hooks (the gateway's close ends every session).
 */
final class TerminalSession implements Command {
    private static final Logger LOG = Logger.getLogger("ocm.ssh");

    private final LocalRooms rooms;
    private final NameOwners owners;
    private final ServerAddress server;
    private final Theme theme;
    private final List<String> banner;
    private final long number;
    private final Sessions live;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile ClientUi ui;
    private volatile InputQueue input;
    private volatile Thread reader;

    TerminalSession(LocalRooms rooms, NameOwners owners, ServerAddress server, Theme theme, List<String> banner,
                    long number, Sessions live) {
        this.rooms = rooms;
        this.owners = owners;
        this.server = server;
        this.theme = theme;
        this.banner = banner;
        this.number = number;
        this.live = live;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ServerSession session = channel.getServerSession();
        String name = session.getUsername();
        Optional<String> key = Fingerprints.proven(session);
        Optional<String> refusal = refusal(name, key);
        if (refusal.isPresent()) {
            out.write(("OCM: " + refusal.get() + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            exit.onExit(1, refusal.get());
            return;
        }
        String ip = ipOf(session.getClientAddress());
        LOG.info(() -> "ssh: " + name + " from " + ip + key.map(k -> " with key " + k).orElse(" as a guest"));
        Thread t = new Thread(() -> run(channel, env, name, ip, key), "ocm-ssh-" + number);
        t.setDaemon(true);
        t.start();
    }

    /** Why {@code name} may not be used by this login, or empty; a key claims a name nobody owns. */
    private Optional<String> refusal(String name, Optional<String> key) {
        Optional<String> problem = Names.userProblem(name);
        if (problem.isPresent()) {
            return Optional.of("the login name is your chat name: " + problem.get());
        }
        if (key.isEmpty()) {
            return owners.mayUse(name, key) ? Optional.empty()
                    : Optional.of(NameOwners.refusal(name) + "; guests may use only names no key owns");
        }
        if (owners.claim(name, key.get()) == NameOwners.Claim.TAKEN) {
            return Optional.of(NameOwners.refusal(name) + " (yours is " + key.get() + "); pick another: ssh OTHERNAME@host");
        }
        return Optional.empty();
    }

    private void run(ChannelSession channel, Environment env, String name, String ip, Optional<String> key) {
        int code = 0;
        LocalChatService service = null;
        TerminalScreen screen = null;
        try {
            boolean icrnl = env.getPtyModes().getOrDefault(PtyMode.ICRNL, 1) != 0;
            ClientUi[] uiRef = new ClientUi[1];
            input = new InputQueue(icrnl, () -> wake(uiRef[0]));
            OutputStream toUser = new ChannelOutput(out, () -> {
                ClientUi u = uiRef[0];
                if (u != null) {
                    u.stop(); // the user is gone: end the screen, not a failure
                }
            });
            StreamTerminal terminal = new StreamTerminal(input, toUser, StandardCharsets.UTF_8, size(env.getEnv()));
            env.addSignalListener((ch, signal) -> {
                TerminalSize s = size(env.getEnv());
                terminal.resized(s.getColumns(), s.getRows());
                wake(uiRef[0]);
            }, Signal.WINCH);
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            InputQueue q = input;
            ClientUi u = new ClientUi(screen, theme, () -> q.available() > 0);
            uiRef[0] = u;
            ui = u;
            // After an enter, on the UI's worker: by then the enter's result is on the UI thread's queue.
            LocalChatService s = new LocalChatService(rooms, server, name, ip, key, u::post,
                    r -> u.background(() -> {
                        r.run();
                        return Boolean.TRUE;
                    }, ok -> { }, err -> { }));
            service = s;
            ClientApp app = new ClientApp(u, address -> s, new SettingsStore(java.nio.file.Path.of("/nonexistent/ocm")), banner,
                    ClientApp.Start.fixed(new ClientSettings(server.host(), server.tcpPort(), server.udpPort(), name)));
            startReader();
            u.start();
            u.post(app::begin);
            u.awaitExit();
            code = u.failure().isPresent() ? 1 : 0;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "ssh session of " + name + " failed", e);
            code = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            end(screen, service);
            exit.onExit(code);
        }
    }

    private void end(TerminalScreen screen, LocalChatService service) {
        if (service != null) {
            service.shutdown(); // leaves every room, whatever ended the screen
        }
        if (screen != null) {
            try {
                screen.stopScreen();
            } catch (IOException | RuntimeException e) {
                // the channel is gone; nothing to restore
            }
        }
        if (input != null) {
            input.end();
        }
        Thread r = reader;
        if (r != null) {
            r.interrupt();
        }
        live.ended(this);
    }

    private void startReader() {
        InputQueue q = input;
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    q.push(buf, 0, n);
                }
            } catch (IOException e) {
                // the channel closed
            } finally {
                q.end();
            }
        }, "ocm-ssh-in-" + number);
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    private static void wake(ClientUi ui) {
        if (ui != null) {
            ui.post(() -> { });
        }
    }

    /** The channel closed (the user disconnected, or the gateway stops): the screen ends, the rooms are left. */
    @Override
    public void destroy(ChannelSession channel) {
        ClientUi u = ui;
        if (u != null) {
            u.stop();
        }
        InputQueue q = input;
        if (q != null) {
            q.end();
        }
    }

    static TerminalSize size(Map<String, String> env) {
        return new TerminalSize(number(env.get(Environment.ENV_COLUMNS), 80), number(env.get(Environment.ENV_LINES), 24));
    }

    private static int number(String s, int fallback) {
        try {
            int n = s == null ? fallback : Integer.parseInt(s.trim());
            return n > 0 && n <= 10_000 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String ipOf(SocketAddress a) {
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : String.valueOf(a);
    }

    /** The sessions still running, for the gateway's close and for measurements. */
    interface Sessions {
        void ended(TerminalSession s);
    }
}
