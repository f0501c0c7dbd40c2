package ocm.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import ocm.protocol.ErrorCode;
import ocm.protocol.reliable.RttEstimator;
import ocm.protocol.reliable.SendWindow;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.protocol.ucrp.v2.Packet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network layer against a scripted server on loopback, with time moved by hand. */
class ChatClientTest {
    private static final String ROOM = "lobby";
    private FakeTcrpServer tcp;
    private FakeUdpServer udp;
    private FakeClock clock;
    private ChatClient client;
    private EventLog log;

    @BeforeEach
    void start() throws Exception {
        tcp = new FakeTcrpServer();
        udp = new FakeUdpServer();
        clock = new FakeClock();
        client = new ChatClient(new ServerAddress("127.0.0.1", tcp.port(), udp.port()), clock, new Random(7), 5_000);
        log = new EventLog();
        client.setListener(log);
    }

    @AfterEach
    void stop() throws Exception {
        // Leave retries run on the fake clock: keep it moving while the client shuts down.
        Thread ticker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                clock.advance(100);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ticker.start();
        client.shutdown();
        ticker.interrupt();
        ticker.join();
        udp.close();
        tcp.close();
    }

    /** Waits for {@code wanted} while the fake clock moves 20 ms every 10 ms (for what waits on a timer the test cannot see). */
    private <T> T whileTimePasses(java.util.concurrent.Callable<T> wanted) throws Exception {
        Thread ticker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                clock.advance(20);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-ticker");
        ticker.start();
        try {
            return wanted.call();
        } finally {
            ticker.interrupt();
            ticker.join();
        }
    }

    /** Joins and completes registration; returns the firstDseq the fake server chose. */
    private int joinAndWelcome(int firstDseq) throws Exception {
        Membership m = client.enter(RoomRequest.join(ROOM, "alice", Optional.empty()));
        assertEquals(ROOM, m.room());
        Packet.Register r = udp.expect(Packet.Register.class);
        udp.send(ROOM, new Packet.Welcome(r.session(), firstDseq, 0, 0, 2_500, 5),
                new Packet.MemberList(firstDseq, List.of(new Packet.Member("alice", true, false))));
        udp.expect(Packet.Ack.class, a -> a.cumulative() == firstDseq);
        log.await(NetEvent.Members.class, e -> true);
        return firstDseq;
    }

    @Test
    void registerIsRetransmittedWithTheSameSessionUntilWelcome() throws Exception {
        client.enter(RoomRequest.join(ROOM, "alice", Optional.empty()));
        Packet.Register first = udp.expect(Packet.Register.class);
        assertEquals(0, first.since());
        clock.advance(RoomSession.REGISTER_RTO_START_MILLIS + 1);
        Packet.Register again = udp.expect(Packet.Register.class);
        assertEquals(first.session(), again.session());
        udp.send(ROOM, new Packet.Welcome(again.session(), 100, 0, 0, 20_000, 40),
                new Packet.MemberList(100, List.of(new Packet.Member("alice", true, false))));
        NetEvent.Members members = log.await(NetEvent.Members.class, e -> true);
        assertEquals("alice", members.members().get(0).name());
        log.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE);
    }

    @Test
    void welcomeOfAnotherSessionIsIgnored() throws Exception {
        client.enter(RoomRequest.join(ROOM, "alice", Optional.empty()));
        Packet.Register r = udp.expect(Packet.Register.class);
        udp.send(ROOM, new Packet.Welcome(r.session() + 1, 100, 0, 0, 20_000, 40),
                new Packet.MemberList(100, List.of(new Packet.Member("mallory", true, false))));
        clock.advance(RoomSession.REGISTER_RTO_START_MILLIS + 1);
        udp.expect(Packet.Register.class, x -> x.session() == r.session());
        assertTrue(log.of(NetEvent.Members.class).isEmpty());
    }

    @Test
    void chatIsRetransmittedUntilAcceptedThenDelivered() throws Exception {
        joinAndWelcome(500);
        long id = client.send(ROOM, "hello", false);
        Packet.Chat c = udp.expect(Packet.Chat.class);
        assertEquals("hello", c.text());
        clock.advance(2_000);
        Packet.Chat again = udp.expect(Packet.Chat.class);
        assertEquals(c.seq(), again.seq());
        udp.send(ROOM, Packet.Accepted.taken(c.seq(), 42, 1234));
        NetEvent.Delivered d = log.await(NetEvent.Delivered.class, e -> e.localId() == id);
        assertEquals(42, d.msgId());
        log.await(NetEvent.Status.class, s -> s.unacked() == 0);
    }

    @Test
    void aChatRefusedForTheRateIsQueuedAgainNotLost() throws Exception {
        joinAndWelcome(500);
        long id = client.send(ROOM, "spam", false);
        Packet.Chat c = udp.expect(Packet.Chat.class);
        udp.send(ROOM, Packet.Accepted.refused(c.seq(), 1, ErrorCode.RATE_LIMITED));
        // The pacer starts over from empty: at 2.5 a second the line goes again within 400 ms, as a new chat.
        Packet.Chat again = whileTimePasses(() -> udp.expect(Packet.Chat.class, x -> x.text().equals("spam") && x.seq() != c.seq()));
        udp.send(ROOM, Packet.Accepted.taken(again.seq(), 9, 2));
        assertEquals(9, log.await(NetEvent.Delivered.class, e -> e.localId() == id).msgId());
        assertTrue(log.of(NetEvent.NotDelivered.class).isEmpty(), log.all().toString());
    }

    @Test
    void linesBeyondTheServersBurstWaitInOrderAndALongQueueSaysHowLong() throws Exception {
        joinAndWelcome(500); // rate 2.5 a second, burst 5
        for (int i = 1; i <= 200; i++) {
            client.send(ROOM, "queued " + i, false);
        }
        // Four go at once (the burst, one token spare); the rest wait, counted, and the room says how long.
        log.await(NetEvent.Status.class, st -> st.unacked() == 200);
        NetEvent.Notice n = log.await(NetEvent.Notice.class, x -> x.text().contains("lines wait to be sent"));
        // Said once the queue passes a minute's worth (about 143 lines at 2.375 a second).
        assertTrue(n.text().matches("1[34]\\d lines wait to be sent: at the server's limit of 2\\.5 a second that takes "
                + "about a minute; they all go, in order"), n.text());
        Packet.Chat first = udp.expect(Packet.Chat.class, c -> c.text().equals("queued 1"));
        // Four in flight use the whole burst: the next goes once they are acknowledged and a token has come.
        udp.send(ROOM, new Packet.Ack(first.seq() + 3, 0));
        Packet.Chat fifth = whileTimePasses(() -> udp.expect(Packet.Chat.class, c -> c.text().equals("queued 5")));
        assertEquals(first.seq() + 4, fifth.seq(), "numbered in the order typed");
        assertTrue(log.of(NetEvent.NotDelivered.class).isEmpty(), log.all().toString());
    }

    @Test
    void refusalsInSeparateDatagramsEachGetTheirOwnReason() throws Exception {
        joinAndWelcome(500);
        long first = client.send(ROOM, "one", false);
        Packet.Chat c1 = udp.expect(Packet.Chat.class, c -> c.text().equals("one"));
        long second = client.send(ROOM, "two", false);
        Packet.Chat c2 = udp.expect(Packet.Chat.class, c -> c.text().equals("two"));
        // No matching by position: each Accepted says why, whatever comes between them.
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_HOST, "only the host can kick"),
                Packet.Accepted.refused(c1.seq(), 1, ErrorCode.BAD_REQUEST));
        udp.send(ROOM, Packet.Accepted.refused(c2.seq(), 1, ErrorCode.TOO_LONG));
        assertTrue(log.await(NetEvent.NotDelivered.class, e -> e.localId() == first).reason().contains("empty message"));
        assertEquals("too long for the server", log.await(NetEvent.NotDelivered.class, e -> e.localId() == second).reason());
        log.await(NetEvent.Notice.class, e -> e.text().equals("only the host can kick")); // shown, as its own line
    }

    @Test
    void optionalPacketsOfANewerServerAreSkippedANumberedOneAckedAndTheRestShown() throws Exception {
        int f = joinAndWelcome(300);
        udp.send(ROOM, new Packet.Skipped(0x41, 0), new Packet.Skipped(0x88, f + 1), msg(f + 2, 2, "after"));
        udp.expect(Packet.Ack.class, a -> a.cumulative() == f + 2);
        assertEquals("after", log.await(NetEvent.Message.class, m -> true).text());
    }

    @Test
    void aChatIsNeverGivenUpWhileTheServerIsSilentAndGoesWhenItAnswers() throws Exception {
        joinAndWelcome(500);
        long id = client.send(ROOM, "into the void", false);
        Packet.Chat c = udp.expect(Packet.Chat.class);
        // Two minutes of silence (the retry budget of a single chat was 30 s): it is still retransmitted.
        for (int i = 0; i < 12; i++) {
            clock.advance(10_000);
            Thread.sleep(30);
        }
        log.await(NetEvent.Notice.class, n -> n.text().startsWith("no answer from the server"));
        log.await(NetEvent.Status.class, st -> st.state() == NetEvent.LinkState.NO_ANSWER && st.unacked() == 1);
        clock.advance(10_000);
        udp.expect(Packet.Chat.class, x -> x.seq() == c.seq());
        udp.send(ROOM, Packet.Accepted.taken(c.seq(), 4, 5));
        log.await(NetEvent.Delivered.class, e -> e.localId() == id && e.msgId() == 4);
        log.await(NetEvent.Notice.class, n -> n.text().equals("the server answers again"));
        assertTrue(log.of(NetEvent.NotDelivered.class).isEmpty(), log.all().toString());
    }

    @Test
    void deliveriesAreShownOnceAndInServerOrder() throws Exception {
        int f = joinAndWelcome(1000);
        udp.send(ROOM, msg(f + 2, 3, "third"));
        udp.send(ROOM, msg(f + 1, 2, "first"), msg(f + 3, 4, "fourth"));
        udp.send(ROOM, msg(f + 1, 2, "first")); // duplicate
        udp.expect(Packet.Ack.class, a -> a.cumulative() == f + 3);
        udp.send(ROOM, new Packet.RoomEvent(f + 4, 5, EventKind.JOINED, "bob", ""));
        log.await(NetEvent.RoomEvent.class, e -> e.name().equals("bob"));
        assertEquals(List.of("first", "third", "fourth"), log.messageTexts());
    }

    @Test
    void acksCarryTheMaskOfHeldBackDeliveries() throws Exception {
        int f = joinAndWelcome(7);
        udp.send(ROOM, msg(f + 3, 9, "later"));
        Packet.Ack a = udp.expect(Packet.Ack.class, x -> x.mask() != 0);
        assertEquals(f, a.cumulative());
        assertEquals(0b100L, a.mask()); // f+3 is cumulative+1+2
        assertTrue(log.messageTexts().isEmpty());
    }

    @Test
    void notRegisteredMakesTheClientRegisterAgainFromWhereItWas() throws Exception {
        int f = joinAndWelcome(200);
        udp.send(ROOM, msg(f + 1, 17, "before restart"));
        log.await(NetEvent.Message.class, m -> m.msgId() == 17);
        clock.advance(RoomSession.PING_INTERVAL_MILLIS + 1);
        udp.expect(Packet.Ping.class);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class, x -> x.since() == 17);
        // As the real server does: the Welcome's time is after the history it sends.
        udp.send(ROOM, new Packet.Welcome(r.session(), 9000, 20_000, 0, 20_000, 40),
                msg(9000, 17, "before restart"), msg(9001, 18, "after restart"));
        log.await(NetEvent.Notice.class, n -> n.text().contains("lost this session (restarted?); registered again"));
        log.await(NetEvent.Message.class, m -> m.msgId() == 18);
        assertEquals(List.of("before restart", "after restart"), log.messageTexts());
    }

    @Test
    void aNotRegisteredAnsweringAPacketSentBeforeTheServerHadOurSessionChangesNothing() throws Exception {
        int f = joinAndWelcome(200);
        udp.send(ROOM, msg(f + 1, 17, "first"));
        log.await(NetEvent.Message.class, m -> m.msgId() == 17);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        // The server still has it: the same Welcome. Nothing starts over; the stream goes on.
        udp.send(ROOM, new Packet.Welcome(r.session(), f, 0, 0, 20_000, 40));
        udp.send(ROOM, msg(f + 2, 18, "second"));
        log.await(NetEvent.Message.class, m -> m.msgId() == 18);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        udp.expect(Packet.Register.class, x -> x.session() == r.session());
        assertEquals(List.of("first", "second"), log.messageTexts());
        assertTrue(log.of(NetEvent.Notice.class).isEmpty(), log.of(NetEvent.Notice.class).toString());
    }

    @Test
    void whileCheckingTheSessionDeliveriesAreNeitherTakenNorAckedUntilTheWelcome() throws Exception {
        int f = joinAndWelcome(200);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        // The restarted server made the session anew from 9000; its Welcome's datagram is late.
        udp.send(ROOM, msg(9001, 5, "early"));
        udp.send(ROOM, new Packet.Welcome(r.session(), 9000, 10_000, 0, 20_000, 40),
                new Packet.MemberList(9000, List.of(new Packet.Member("alice", false, false))));
        Packet.Ack first = udp.expect(Packet.Ack.class);
        assertEquals(9000, first.cumulative(), "no ack in the old numbering (" + f + "), which the server would misread");
        udp.send(ROOM, msg(9001, 5, "early")); // the server's retransmission
        log.await(NetEvent.Message.class, m -> m.msgId() == 5);
        assertEquals(List.of("early"), log.messageTexts());
    }

    @Test
    void aSessionCheckThatGetsNoAnswerIsAskedAgain() throws Exception {
        joinAndWelcome(200);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        clock.advance(RoomSession.REGISTER_RTO_START_MILLIS + 1);
        udp.expect(Packet.Register.class, x -> x.session() == r.session());
    }

    @Test
    void afterReRegisterHistoryRepeatsAreDroppedButALiveMessageWithALowerIdIsShown() throws Exception {
        int f = joinAndWelcome(200);
        udp.send(ROOM, msg(f + 1, 17, "before restart"));
        log.await(NetEvent.Message.class, m -> m.msgId() == 17);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        assertEquals(17, r.since());
        udp.send(ROOM, new Packet.Welcome(r.session(), 9000, 50_000, 0, 20_000, 40),
                new Packet.MemberList(9000, List.of(new Packet.Member("alice", false, false))),
                msg(9001, 16, "older history"), msg(9002, 17, "before restart"), msg(9003, 18, "after restart"));
        log.await(NetEvent.Message.class, m -> m.msgId() == 18);
        // The server crashed before saving ids 5..18 and hands out 5 again: a live message, shown.
        udp.send(ROOM, new Packet.ChatMessage(9004, 5, 60_000, false, "bob", "id reused after a crash"));
        log.await(NetEvent.Message.class, m -> m.msgId() == 5);
        udp.send(ROOM, new Packet.ChatMessage(9004, 5, 60_000, false, "bob", "id reused after a crash")); // resent
        udp.expect(Packet.Ack.class, a -> a.cumulative() == 9004);
        udp.send(ROOM, new Packet.RoomEvent(9005, 61_000, EventKind.JOINED, "carol", ""));
        log.await(NetEvent.RoomEvent.class, e -> e.name().equals("carol"));
        assertEquals(List.of("before restart", "after restart", "id reused after a crash"), log.messageTexts());
    }

    @Test
    void chatsWaitingDuringReRegisterAreResentAfterWelcome() throws Exception {
        joinAndWelcome(200);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        long id = client.send(ROOM, "queued", false);
        log.await(NetEvent.Status.class, s -> s.unacked() == 1);
        udp.send(ROOM, new Packet.Welcome(r.session(), 1, 0, 0, 20_000, 40));
        Packet.Chat c = udp.expect(Packet.Chat.class, x -> x.text().equals("queued"));
        assertEquals(r.nextSeq(), c.seq());
        udp.send(ROOM, Packet.Accepted.taken(c.seq(), 5, 1));
        log.await(NetEvent.Delivered.class, d -> d.localId() == id);
    }

    @Test
    void endedMakesTheRoomEndWithTheReason() throws Exception {
        joinAndWelcome(200);
        udp.send(ROOM, new Packet.Ended(EndReason.KICKED, "kicked by alice: spam"));
        NetEvent.Ended e = log.await(NetEvent.Ended.class, x -> true);
        assertEquals(Optional.of(EndReason.KICKED), e.reason());
        long id = client.send(ROOM, "still here?", false);
        log.await(NetEvent.NotDelivered.class, n -> n.localId() == id);
    }

    @Test
    void pongGivesTheRoundTripTime() throws Exception {
        joinAndWelcome(200);
        clock.advance(RoomSession.PING_INTERVAL_MILLIS + 1);
        Packet.Ping p = udp.expect(Packet.Ping.class);
        clock.advance(37);
        udp.send(ROOM, new Packet.Pong(p.nonce(), 0));
        log.await(NetEvent.Status.class, s -> s.rttMillis() == 37);
    }

    @Test
    void firstPingGoesOutRightAfterWelcomeSoTheRoundTripIsKnownAtOnce() throws Exception {
        joinAndWelcome(200);
        Packet.Ping p = udp.expect(Packet.Ping.class); // the clock has not moved: no ping interval has passed
        clock.advance(3);
        udp.send(ROOM, new Packet.Pong(p.nonce(), 0));
        log.await(NetEvent.Status.class, s -> s.rttMillis() == 3);
    }

    @Test
    void leaveIsSentAndConfirmedByEnded() throws Exception {
        joinAndWelcome(200);
        client.leave(ROOM);
        udp.expect(Packet.Leave.class);
        udp.send(ROOM, new Packet.Ended(EndReason.LEFT, "you left"));
        log.await(NetEvent.Ended.class, e -> e.reason().equals(Optional.of(EndReason.LEFT)));
    }

    @Test
    void serverThatDoesNotAnswerIsAClearError() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ChatClient other = new ChatClient(new ServerAddress("127.0.0.1", silent.getLocalPort(), udp.port()),
                    clock, new Random(1), 300);
            try {
                ClientException e = assertThrows(ClientException.class,
                        () -> other.enter(RoomRequest.join(ROOM, "alice", Optional.empty())));
                assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
                assertNotEquals(-1, other.localPort());
            } finally {
                other.shutdown();
            }
        }
    }

    @Test
    void aServerThatNeverWelcomesIsReportedOnceInTheRoom() throws Exception {
        client.enter(RoomRequest.join(ROOM, "alice", Optional.empty()));
        udp.expect(Packet.Register.class);
        clock.advance(RoomSession.SLOW_REGISTER_MILLIS);
        NetEvent.Notice said = log.await(NetEvent.Notice.class, n -> n.text().contains("no answer yet"));
        assertTrue(said.text().contains("UDP " + udp.port()) && said.text().contains("--udp-port"), said.text());
        clock.advance(RoomSession.SLOW_REGISTER_MILLIS);
        udp.expect(Packet.Register.class);
        assertEquals(1, log.of(NetEvent.Notice.class).stream().filter(n -> n.text().contains("no answer yet")).count());
    }

    @Test
    void serverShuttingDownIsShownAtOnceAndTheRestartedServerTakesTheRoomBack() throws Exception {
        joinAndWelcome(200);
        long stoppedAt = clock.millis();
        udp.send(ROOM, new Packet.Error(ErrorCode.SERVER_SHUTTING_DOWN, "the server is shutting down"));
        // At once: the clock has not moved, so no ping could have failed yet.
        log.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.SERVER_STOPPED);
        log.await(NetEvent.Notice.class, n -> n.text().contains("waiting for it to come back"));
        long id = client.send(ROOM, "typed while it was down", false);
        log.await(NetEvent.Status.class, s -> s.unacked() == 1);
        clock.advance(RoomSession.STOPPED_PROBE_MILLIS);
        udp.expect(Packet.Ping.class, p -> p.nonce() > stoppedAt); // the probe asking whether it is back
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again")); // the restarted server
        log.await(NetEvent.Notice.class, n -> n.text().contains("registering again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        udp.send(ROOM, new Packet.Welcome(r.session(), 1, 0, 0, 20_000, 40));
        log.await(NetEvent.Notice.class, n -> n.text().contains("registered again"));
        log.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.LIVE && s.unacked() == 1);
        Packet.Chat c = udp.expect(Packet.Chat.class, x -> x.text().equals("typed while it was down"));
        udp.send(ROOM, Packet.Accepted.taken(c.seq(), 9, 1));
        log.await(NetEvent.Delivered.class, d -> d.localId() == id);
    }

    @Test
    void aLineTypedWhileTheServerWasDownLongerThanTheGiveUpTimeIsStillDelivered() throws Exception {
        joinAndWelcome(200);
        udp.send(ROOM, new Packet.Error(ErrorCode.SERVER_SHUTTING_DOWN, "the server is shutting down"));
        log.await(NetEvent.Status.class, s -> s.state() == NetEvent.LinkState.SERVER_STOPPED);
        long id = client.send(ROOM, "typed while it was down", false);
        log.await(NetEvent.Status.class, s -> s.unacked() == 1);
        clock.advance(SendWindow.DEFAULT_GIVE_UP_MILLIS + 5_000); // down for longer than a chat may wait
        udp.expect(Packet.Ping.class);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        udp.send(ROOM, new Packet.Welcome(r.session(), 1, 0, 0, 20_000, 40));
        Packet.Chat first = udp.expect(Packet.Chat.class, x -> x.text().equals("typed while it was down"));
        // Its retransmission timer starts with the new session: one timeout later it is sent again, not given up.
        clock.advance(RttEstimator.INITIAL_RTO_MILLIS + 1);
        Packet.Chat again = udp.expect(Packet.Chat.class, x -> x.text().equals("typed while it was down"));
        assertEquals(first.seq(), again.seq());
        udp.send(ROOM, Packet.Accepted.taken(again.seq(), 9, 1));
        log.await(NetEvent.Delivered.class, d -> d.localId() == id);
        assertTrue(log.of(NetEvent.NotDelivered.class).stream().noneMatch(n -> n.localId() == id), log.all().toString());
    }

    @Test
    void ourOwnLinesInTheHistoryAfterAReRegisterAreNotShownTwice() throws Exception {
        joinAndWelcome(200);
        long id = client.send(ROOM, "mine", false);
        Packet.Chat c = udp.expect(Packet.Chat.class, x -> x.text().equals("mine"));
        udp.send(ROOM, Packet.Accepted.taken(c.seq(), 5, 5000));
        log.await(NetEvent.Delivered.class, d -> d.localId() == id);
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        assertEquals(0, r.since(), "no other member's message seen yet");
        // The restarted server's history: our own line (id 5), then bob's (id 6).
        udp.send(ROOM, new Packet.Welcome(r.session(), 700, 10_000, 0, 20_000, 40),
                new Packet.ChatMessage(700, 5, 5000, false, "alice", "mine"), msg(701, 6, "bob's"));
        assertTrue(log.await(NetEvent.Message.class, m -> m.msgId() == 6).history(), "sent with the Welcome: history");
        assertEquals(List.of("bob's"), log.messageTexts());
        udp.send(ROOM, new Packet.ChatMessage(702, 7, 20_000, false, "bob", "live"));
        assertFalse(log.await(NetEvent.Message.class, m -> m.msgId() == 7).history(), "after the Welcome: live");
    }

    @Test
    void aLineWhoseAcceptedWasLostIsKnownByTheAcceptedThatComesWithTheNextWelcome() throws Exception {
        joinAndWelcome(200);
        long id = client.send(ROOM, "mine", false);
        Packet.Chat c = udp.expect(Packet.Chat.class, x -> x.text().equals("mine"));
        // The server relayed it (id 5), but its Accepted was lost; then the server restarted.
        udp.send(ROOM, new Packet.Error(ErrorCode.NOT_REGISTERED, "register again"));
        Packet.Register r = udp.expect(Packet.Register.class);
        assertEquals(c.seq(), r.nextSeq(), "still waiting for the server");
        // The restarted server remembers it: Accepted with the first id, before the history that holds it.
        udp.send(ROOM, new Packet.Welcome(r.session(), 700, 10_000, 0, 20_000, 40), Packet.Accepted.taken(c.seq(), 5, 5000),
                new Packet.Ack(c.seq(), 0), new Packet.ChatMessage(700, 5, 5000, false, "alice", "mine"),
                msg(701, 6, "bob's"));
        assertEquals(5, log.await(NetEvent.Delivered.class, d -> d.localId() == id).msgId());
        log.await(NetEvent.Message.class, m -> m.msgId() == 6);
        assertEquals(List.of("bob's"), log.messageTexts(), "our line is shown once, as sent");
    }

    private static Packet.ChatMessage msg(int dseq, int msgId, String text) {
        return new Packet.ChatMessage(dseq, msgId, 1000L * msgId, false, "bob", text);
    }
}
