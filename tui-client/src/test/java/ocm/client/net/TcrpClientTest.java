package ocm.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import ocm.protocol.tcrp.Admission;
import org.junit.jupiter.api.Test;

/** TCRP requests against a fake server on 127.0.0.1: normal, trickling, and cancelled. */
class TcrpClientTest {
    private static final RoomRequest JOIN = RoomRequest.join("lobby", "alice", Optional.empty());

    @Test
    void aNormalReplyIsRead() throws Exception {
        try (FakeTcrpServer server = new FakeTcrpServer()) {
            Admission a = new TcrpClient("127.0.0.1", server.port(), 5_000, 10_000).enter(JOIN);
            assertEquals(FakeTcrpServer.TOKEN, a.token());
        }
    }

    @Test
    void aServerThatTricklesItsReplyRunsIntoTheWholeReplyDeadline() throws Exception {
        // 100 ms a byte: every single read is quick, but the two frames take seconds in all.
        try (FakeTcrpServer server = new FakeTcrpServer(100)) {
            TcrpClient client = new TcrpClient("127.0.0.1", server.port(), 1_000, 1_500);
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    client.enter(JOIN);
                    return null;
                } catch (ClientException e) {
                    return e;
                }
            });
            Throwable e = failure.get(30, TimeUnit.SECONDS); // generous: the trickle alone needs ~8 s
            assertTrue(e instanceof ClientException, "the trickled reply was accepted");
            assertEquals("the server at 127.0.0.1:" + server.port() + " did not finish its reply within 1.5 s",
                    e.getMessage());
        }
    }

    @Test
    void closeEndsARequestInProgressAndRefusesNewOnes() throws Exception {
        try (FakeTcrpServer server = new FakeTcrpServer(1_000)) {
            TcrpClient client = new TcrpClient("127.0.0.1", server.port(), 60_000, 600_000);
            CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    client.enter(JOIN);
                    return null;
                } catch (ClientException e) {
                    return e;
                }
            });
            server.awaitFirstByteSent();
            client.close();
            Throwable e = failure.get(30, TimeUnit.SECONDS); // the trickle alone would take minutes
            assertTrue(e instanceof ClientException, String.valueOf(e));
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            ClientException later = assertThrows(ClientException.class, () -> client.listRooms());
            assertEquals("the client is shutting down", later.getMessage());
        }
    }
}
