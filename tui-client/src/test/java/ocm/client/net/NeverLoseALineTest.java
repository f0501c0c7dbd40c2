package ocm.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.server.ChatServer;
import ocm.server.config.ServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 against the real server: the client net layer loses no line to the rate limit, to
 * /leave, or to an outage, and every state of the server shows as one. The client whose outage
 * is long runs on a fake clock (the server on its own).
 */
class NeverLoseALineTest {
    @TempDir
    Path dir;

    private final List<ChatClient> clients = new ArrayList<>();
    private final List<ChatServer> servers = new ArrayList<>();
    private Thread ticker;

    @AfterEach
    void stop() throws Exception {
        stopTicking();
        clients.forEach(ChatClient::shutdown);
        servers.forEach(ChatServer::close);
    }

    private ChatServer server(ServerConfig config) throws Exception {
        ChatServer s = new ChatServer(config).start();
        servers.add(s);
        return s;
    }

    private ChatClient client(ChatServer server, Clock clock, EventLog log) throws Exception {
        ChatClient c = new ChatClient(new ServerAddress("127.0.0.1", server.tcpPort(), server.udpPort()), clock,
                new Random(), 5_000);
        c.setListener(log);
        clients.add(c);
        return c;
    }

    /** Moves {@code clock} 100 ms every 10 ms of real time until stopped: ten times as fast. */
    private void tick(FakeClock clock) {
        ticker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                clock.advance(100);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-ticker");
        ticker.start();
    }

    private void stopTicking() throws InterruptedException {
        if (ticker != null) {
            ticker.interrupt();
            ticker.join();
            ticker = null;
        }
    }

    private static void await(BooleanSupplier ok, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened within 60 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            lines.add(prefix + " " + i);
        }
        return lines;
    }

    /** Finding 1: lines sent far faster than the server's rate are all delivered, in order, none refused. */
    @Test
    void linesSentAtFullSpeedArePacedToTheServersRateAndAllArrive() throws Exception {
        ChatServer server = server(ServerConfig.forTests().withRate(50, 10));
        EventLog aliceLog = new EventLog();
        EventLog bobLog = new EventLog();
        ChatClient alice = client(server, Clock.SYSTEM, aliceLog);
        ChatClient bob = client(server, Clock.SYSTEM, bobLog);
        alice.enter(RoomRequest.create("pace", "alice", Optional.empty()));
        bob.enter(RoomRequest.join("pace", "bob", Optional.empty()));
        bobLog.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE);
        aliceLog.await(NetEvent.Members.class, m -> m.members().size() == 2);
        List<String> sent = numbered("line", 150);
        sent.forEach(t -> alice.send("pace", t, false));
        aliceLog.await(NetEvent.Status.class, s -> s.unacked() > 100); // they wait, counted on the status line
        await(() -> bobLog.messageTexts().size() >= 150, "bob got 150 lines, has " + bobLog.messageTexts().size());
        assertEquals(sent, bobLog.messageTexts());
        assertTrue(aliceLog.of(NetEvent.NotDelivered.class).isEmpty(), aliceLog.of(NetEvent.NotDelivered.class).toString());
        // Paced, not refused and sent again: the server refused none of them for the rate.
        assertEquals(0L, server.admin().stats().dropsByReason().getOrDefault("rate limited", 0L),
                server.admin().stats().toString());
    }

    /** Finding 1 over a lossy path: 100 lines at full speed through 20% loss at the default rate all arrive, in order. */
    @Test
    void linesAtFullSpeedThroughALossyPathAllArriveInOrder() throws Exception {
        ChatServer server = server(ServerConfig.forTests());
        try (ocm.server.testing.LossyUdpProxy proxy = new ocm.server.testing.LossyUdpProxy(server.udpPort(),
                ocm.server.testing.LossyUdpProxy.Impairment.of(0.2, 0.05, 0.2, 40), 20261203)) {
            EventLog aliceLog = new EventLog();
            EventLog bobLog = new EventLog();
            ChatClient alice = new ChatClient(new ServerAddress("127.0.0.1", server.tcpPort(), proxy.port()), Clock.SYSTEM,
                    new Random(), 5_000);
            alice.setListener(aliceLog);
            clients.add(alice);
            ChatClient bob = client(server, Clock.SYSTEM, bobLog);
            alice.enter(RoomRequest.create("lossy", "alice", Optional.empty()));
            bob.enter(RoomRequest.join("lossy", "bob", Optional.empty()));
            bobLog.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE);
            aliceLog.await(NetEvent.Members.class, m -> m.members().size() == 2);
            List<String> sent = numbered("lossy line", 100);
            sent.forEach(t -> alice.send("lossy", t, false));
            await(() -> bobLog.messageTexts().size() >= 100, "bob got 100 lines, has " + bobLog.messageTexts().size());
            assertEquals(sent, bobLog.messageTexts());
            assertTrue(aliceLog.of(NetEvent.NotDelivered.class).isEmpty(), aliceLog.of(NetEvent.NotDelivered.class).toString());
            assertTrue(proxy.dropped.get() > 0, "the proxy dropped nothing: the test tested nothing");
        }
    }

    /** Finding 5: lines queued before /leave go first; the room has not ended, nothing is reported lost. */
    @Test
    void linesQueuedBeforeLeaveReachTheRoomThenTheClientLeaves() throws Exception {
        ChatServer server = server(ServerConfig.forTests().withRate(20, 3));
        EventLog aliceLog = new EventLog();
        EventLog bobLog = new EventLog();
        ChatClient alice = client(server, Clock.SYSTEM, aliceLog);
        ChatClient bob = client(server, Clock.SYSTEM, bobLog);
        alice.enter(RoomRequest.create("bye", "alice", Optional.empty()));
        bob.enter(RoomRequest.join("bye", "bob", Optional.empty()));
        bobLog.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE);
        List<String> sent = numbered("hello room01", 12);
        sent.forEach(t -> bob.send("bye", t, false));
        bob.leave("bye");
        assertEquals(Optional.of(EndReason.LEFT), bobLog.await(NetEvent.Ended.class, e -> true).reason());
        aliceLog.await(NetEvent.RoomEvent.class, e -> e.name().equals("bob") && e.kind() == ocm.protocol.ucrp.v2.EventKind.LEFT);
        assertEquals(sent, aliceLog.messageTexts());
        assertTrue(bobLog.of(NetEvent.NotDelivered.class).isEmpty(), bobLog.of(NetEvent.NotDelivered.class).toString());
    }

    /** Finding 3: a server back without the room (an empty data dir) makes the room read-only, its queued lines reported. */
    @Test
    void aServerRestartedOnAnEmptyDataDirTurnsTheRoomReadOnly() throws Exception {
        ServerConfig first = ServerConfig.forTests().withDataDir(Optional.of(dir.resolve("a")));
        ChatServer one = server(first);
        EventLog log = new EventLog();
        FakeClock clock = new FakeClock();
        ChatClient alice = client(one, clock, log);
        tick(clock);
        alice.enter(RoomRequest.create("den", "alice", Optional.empty()));
        log.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE);
        int tcp = one.tcpPort();
        int udp = one.udpPort();
        one.close(); // graceful: the client hears that the server stops and waits for it
        log.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.SERVER_STOPPED);
        long during = alice.send("den", "typed while it was down", false);
        server(first.withDataDir(Optional.of(dir.resolve("b"))).withPorts(tcp, udp));
        NetEvent.Ended ended = log.await(NetEvent.Ended.class, e -> true);
        assertEquals("den no longer exists on the server", ended.message());
        assertEquals(Optional.empty(), ended.reason());
        assertEquals("the room no longer exists on the server",
                log.await(NetEvent.NotDelivered.class, n -> n.localId() == during).reason());
    }

    /** Same after a kill -9: the silence is reported within seconds, then the room list tells. */
    @Test
    void afterAKillTheSilenceShowsWithinSecondsAndAnEmptyRestartEndsTheRoom() throws Exception {
        ServerConfig first = ServerConfig.forTests().withDataDir(Optional.of(dir.resolve("a")));
        ChatServer one = server(first);
        EventLog log = new EventLog();
        FakeClock clock = new FakeClock();
        ChatClient alice = client(one, clock, log);
        alice.enter(RoomRequest.create("den", "alice", Optional.empty()));
        tick(clock);
        log.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE && s.rttMillis() >= 0);
        stopTicking();
        int tcp = one.tcpPort();
        int udp = one.udpPort();
        one.halt();
        long killedAt = clock.millis();
        tick(clock);
        NetEvent.Notice silent = log.await(NetEvent.Notice.class, n -> n.text().startsWith("no answer from the server"));
        assertTrue(silent.text().contains("what you type waits"), silent.text());
        log.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.NO_ANSWER);
        stopTicking();
        // The last answer came at most a ping interval before the kill: silence is said within one more and a few seconds.
        assertTrue(clock.millis() - killedAt < RoomSession.PING_INTERVAL_MILLIS + RoomSession.NO_ANSWER_AFTER_MILLIS + 2_000,
                "said " + (clock.millis() - killedAt) + " ms after the kill");
        server(first.withDataDir(Optional.of(dir.resolve("b"))).withPorts(tcp, udp));
        tick(clock);
        assertEquals("den no longer exists on the server", log.await(NetEvent.Ended.class, e -> true).message());
    }

    /**
     * Findings 4 and 6: lines typed during a 2-minute outage (on the client's fake clock) are
     * neither given up nor reordered: a restart with the room delivers them in the order typed.
     */
    @Test
    void aTwoMinuteOutageThenARestartDeliversTheQueuedLinesInOrder() throws Exception {
        ServerConfig config = ServerConfig.forTests().withDataDir(Optional.of(dir.resolve("state")));
        ChatServer one = server(config);
        EventLog aliceLog = new EventLog();
        EventLog bobLog = new EventLog();
        FakeClock clock = new FakeClock();
        ChatClient alice = client(one, clock, aliceLog);
        ChatClient bob = client(one, Clock.SYSTEM, bobLog);
        tick(clock);
        alice.enter(RoomRequest.create("den", "alice", Optional.empty()));
        bob.enter(RoomRequest.join("den", "bob", Optional.empty()));
        aliceLog.await(NetEvent.Members.class, m -> m.members().size() == 2);
        alice.send("den", "before", false);
        bobLog.await(NetEvent.Message.class, m -> m.text().equals("before"));
        stopTicking();
        one.saveNow();
        int tcp = one.tcpPort();
        int udp = one.udpPort();
        one.halt();

        List<String> typed = numbered("during the outage", 5);
        typed.forEach(t -> alice.send("den", t, false));
        for (int i = 0; i < 120; i++) { // two minutes for alice, a step at a time so her timers run
            clock.advance(1_000);
            Thread.sleep(5);
        }
        aliceLog.await(NetEvent.Notice.class, n -> n.text().startsWith("no answer from the server"));
        assertTrue(aliceLog.of(NetEvent.NotDelivered.class).isEmpty(), aliceLog.of(NetEvent.NotDelivered.class).toString());

        server(config.withPorts(tcp, udp));
        tick(clock);
        await(() -> bobLog.messageTexts().size() >= 6, "bob got the queued lines, has " + bobLog.messageTexts());
        List<String> expected = new ArrayList<>(List.of("before"));
        expected.addAll(typed);
        assertEquals(expected, bobLog.messageTexts());
        await(() -> aliceLog.of(NetEvent.Delivered.class).stream().filter(d -> d.msgId() > 0).count() == 6,
                "alice saw her six lines accepted");
        assertTrue(aliceLog.of(NetEvent.NotDelivered.class).isEmpty(), aliceLog.of(NetEvent.NotDelivered.class).toString());
    }
}
