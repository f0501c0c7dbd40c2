package ocm.ssh;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import ocm.client.net.ServerAddress;
import ocm.client.ui.Theme;
import ocm.server.ChatServer;
import ocm.server.SshOptions;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

/**
 * {@code ssh -p PORT NAME@HOST}: an SSH server (Apache MINA SSHD) beside the chat server, in its
 * process, serving each user the full-screen client ({@link TerminalSession}), whose rooms are the
 * server's own through {@link ocm.server.local.LocalRooms}. The login name is the chat name and
 * the user's key owns it. Idle readers stay: MINA's idle timeout is off and SSH keepalives find
 * dead connections instead.
 */
public final class SshGateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("ocm.ssh");
    /** A keepalive every 30 s; a connection that misses 4 answers in a row is closed. */
    static final Duration KEEPALIVE = Duration.ofSeconds(30);
    static final int KEEPALIVE_MISSES = 4;

    private final SshServer sshd;
    private final String fingerprint;
    private final Set<TerminalSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong numbers = new AtomicLong();

    private SshGateway(SshServer sshd, String fingerprint) {
        this.sshd = sshd;
        this.fingerprint = fingerprint;
    }

    /** For {@code ./chat server --ssh-port}: starts the gateway and says where it listens and its host key. */
    public static AutoCloseable start(ChatServer server, SshOptions options, PrintWriter out) throws IOException {
        Path dir = server.config().dataDir().orElseThrow(() -> new IOException("the SSH gateway needs a data dir for its host key"));
        SshGateway g = start(server, options.host(server.config().host()), options.port().orElse(0), options.guests(), dir);
        return g; // its log line names the address and the host key's fingerprint
    }

    /** Starts the gateway for a started server: host key in {@code keyDir}, on {@code host}:{@code port} (0: any). */
    public static SshGateway start(ChatServer server, String host, int port, boolean guests, Path keyDir) throws IOException {
        MinaLog.routeToServerLog();
        KeyPair hostKey = HostKey.loadOrCreate(keyDir);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(host);
        sshd.setPort(port);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE));
        sshd.setPublickeyAuthenticator((user, key, session) -> true); // the key is the identity; names are checked at the shell
        sshd.setKeyboardInteractiveAuthenticator(new GatewayAuth(guests));
        sshd.setPasswordAuthenticator(null);
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE); // a chat door, not a tunnel
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, Duration.ZERO);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(sshd, KEEPALIVE);
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(sshd, KEEPALIVE);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(sshd, KEEPALIVE_MISSES);
        SshGateway g = new SshGateway(sshd, HostKey.fingerprint(hostKey));
        ServerAddress address = new ServerAddress(server.config().host(), server.tcpPort(), server.udpPort());
        Theme theme;
        try {
            theme = Theme.load("dark");
        } catch (Theme.ThemeException e) {
            throw new IOException("cannot load the client's theme: " + e.getMessage(), e);
        }
        List<String> banner = Banner.lines();
        sshd.setShellFactory(channel -> g.shell(channel, server, address, theme, banner));
        sshd.setCommandFactory((channel, command) -> new UsageCommand());
        sshd.start();
        LOG.info("SSH gateway listening on " + host + ":" + g.port() + " (ssh -p " + g.port() + " NAME@" + host
                + "), host key " + g.fingerprint + (guests ? ", guests allowed" : ""));
        return g;
    }

    /** A shell with a pty runs the client; one without (ssh -T) gets the usage. */
    private Command shell(ChannelSession channel, ChatServer server, ServerAddress address, Theme theme, List<String> banner) {
        if (!channel.getEnvironment().getEnv().containsKey(org.apache.sshd.server.Environment.ENV_TERM)) {
            return new UsageCommand();
        }
        TerminalSession s = new TerminalSession(server.localRooms(), server.nameOwners(), address, theme, banner,
                numbers.incrementAndGet(), sessions::remove);
        sessions.add(s);
        return s;
    }

    public int port() {
        return sshd.getPort();
    }

    /** The host key as {@code ssh-keygen -l} prints it. */
    public String hostKeyFingerprint() {
        return fingerprint;
    }

    /** Client screens running now. */
    public int sessions() {
        return sessions.size();
    }

    /** Closes every connection (each session leaves its rooms) and the port. */
    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
