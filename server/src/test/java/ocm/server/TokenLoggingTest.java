package ocm.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.config.ServerConfig;
import ocm.server.console.AdminCommands;
import ocm.server.console.CommandTable;
import ocm.server.log.ServerLog;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token is a password: the log (at every level) and the console show at most a redacted prefix, never a whole one. */
class TokenLoggingTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Logger root = Logger.getLogger(ServerLog.ROOT);
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final ServerLog.OneLine format = new ServerLog.OneLine();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(format.format(r));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restoreLog() {
        root.removeHandler(capture);
        root.setLevel(previousLevel);
    }

    @Test
    void noWholeTokenIsLoggedOrShown() throws Exception {
        List<String> tokens = new java.util.ArrayList<>();
        StringBuilder console = new StringBuilder();
        try (ChatServer server = new ChatServer(ServerConfig.forTests()).start()) {
            CommandTable admin = AdminCommands.table(server.admin());
            TcrpClient tcrp = new TcrpClient(server.tcpPort());
            Admission a = tcrp.create("lobby", "alice", Optional.empty(), 2).admission();
            Admission b = tcrp.join("lobby", "bob", Optional.empty(), 2).admission();
            Admission c = tcrp.join("lobby", "carol").admission();
            Admission d = tcrp.join("lobby", "dave", Optional.empty(), 2).admission();
            tokens.addAll(List.of(a.token(), b.token(), c.token(), d.token()));
            try (V2TestClient alice = new V2TestClient(server.udpPort(), "lobby", a.token());
                 V2TestClient bob = new V2TestClient(server.udpPort(), "lobby", b.token());
                 V1TestClient carol = new V1TestClient(server.udpPort(), "lobby", c.token());
                 V2TestClient dave = new V2TestClient(server.udpPort(), "lobby", d.token())) {
                alice.register();
                bob.register();
                carol.register();
                dave.register();
                alice.awaitRegistered(WAIT);
                bob.awaitRegistered(WAIT);
                dave.awaitRegistered(WAIT);
                alice.say("hello");
                bob.await("hello", () -> bob.messages().size() == 1, WAIT);
                carol.sendText("hi from v1");
                alice.await("carol's chat", () -> alice.messages().size() == 1, WAIT);
                console.append(admin.run("/users").text());
                console.append(admin.run("/users lobby").text());
                console.append(admin.run("/kick lobby bob").text());
                bob.awaitEnded(WAIT);
                // A datagram with bob's revoked token: logged as such, still redacted.
                bob.say("after the kick");
                console.append(admin.run("/ban lobby dave").text());
                dave.awaitEnded(WAIT);
                console.append(admin.run("/ban lobby bob").text());
                console.append(admin.run("/bans lobby").text());
                console.append(admin.run("/close lobby bye").text());
                alice.awaitEnded(WAIT);
                assertTrue(alice.ended().reason() == EndReason.CLOSED_BY_ADMIN);
            }
        }
        assertTrue(logged.size() >= 8, "the capture saw the server's log: " + logged);
        assertTrue(logged.stream().anyMatch(l -> l.contains("token token_")), "tokens are logged redacted: " + logged);
        for (String token : tokens) {
            for (String line : logged) {
                assertFalse(line.contains(token), "a whole token in the log: " + line);
            }
            assertFalse(console.toString().contains(token), "a whole token on the console: " + console);
        }
    }
}
