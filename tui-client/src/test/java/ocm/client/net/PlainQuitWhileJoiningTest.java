package ocm.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import ocm.client.plain.PlainMode;
import org.junit.jupiter.api.Test;

/** --plain over the real network layer: /quit works while a join waits on a server that trickles. */
class PlainQuitWhileJoiningTest {
    @Test
    void quitEndsAJoinThatIsStillWaitingForItsReply() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // One byte a second: the reply would take over a minute, and the 2-minute deadline would not help.
        try (FakeTcrpServer tcp = new FakeTcrpServer(1_000); FakeUdpServer udp = new FakeUdpServer()) {
            ChatClient client = new ChatClient(new ServerAddress("127.0.0.1", tcp.port(), udp.port()), Clock.SYSTEM,
                    new SecureRandom(), 60_000);
            PipedWriter w = new PipedWriter();
            PlainMode plain = new PlainMode(client, new BufferedReader(new PipedReader(w)), out, out, "alice", false);
            int[] code = {-1};
            Thread t = new Thread(() -> code[0] = plain.run(Optional.empty()), "test-plain");
            t.start();
            w.write("/join slow\n");
            w.flush();
            tcp.awaitFirstByteSent();
            w.write("/quit\n");
            w.flush();
            t.join(30_000); // generous; without the fix it would wait for the whole trickle
            String s;
            synchronized (out) {
                s = bytes.toString(StandardCharsets.UTF_8);
            }
            assertFalse(t.isAlive(), "plain mode still waits for the join after /quit; output:\n" + s);
            assertEquals(0, code[0]);
            assertTrue(s.contains("-- cannot join slow: the request was cancelled"), s);
            assertFalse(s.contains("joined slow"), s);
            w.close();
        }
    }
}
