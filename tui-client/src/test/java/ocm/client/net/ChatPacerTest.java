package ocm.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeSet;
import ocm.server.room.TokenBucket;
import org.junit.jupiter.api.Test;

/** The client's pacer on fake time: within the server's bucket whatever the network does. */
class ChatPacerTest {
    @Test
    void nothingGoesBeforeAWelcomeThenTheBurstLessOneSpareThenTheRate() {
        ChatPacer p = new ChatPacer();
        assertFalse(p.tryTake(0, 0), "no limit known yet");
        p.limits(20_000, 10, 0, 1_000);
        int sent = 0;
        while (p.tryTake(1_000, sent)) {
            sent++;
        }
        assertEquals(9, sent, "the burst, one token kept spare");
        // Acknowledged at once: only the rate (95% of 20 a second) refills it.
        assertFalse(p.tryTake(1_000, 0));
        int later = 0;
        for (long t = 1_001; t <= 11_000; t++) {
            if (p.tryTake(t, 0)) {
                later++;
            }
        }
        assertEquals(190, later, "19 a second for 10 s");
    }

    @Test
    void chatsInFlightCountAgainstTheBurst() {
        ChatPacer p = new ChatPacer();
        p.limits(20_000, 10, 0, 0);
        // Nine sent and not acknowledged (an outage): however long it lasts, nothing more goes.
        for (int i = 0; i < 9; i++) {
            assertTrue(p.tryTake(0, i));
        }
        assertFalse(p.tryTake(600_000, 9), "the server may process all nine at once when it is back");
        // Once they are acknowledged the bucket fills again from empty (they took the server's tokens).
        assertFalse(p.tryTake(600_000, 0));
        assertTrue(p.tryTake(600_100, 0), "a token after 1/19 s");
    }

    @Test
    void aChangedLimitKeepsNoMoreThanTheNewBurstAllows() {
        ChatPacer p = new ChatPacer();
        p.limits(20_000, 40, 0, 0);
        p.limits(5_000, 4, 0, 0); // a server restarted with --rate 5 --burst 4
        int sent = 0;
        while (p.tryTake(0, sent)) {
            sent++;
        }
        assertEquals(3, sent);
        assertEquals(5 * ChatPacer.RATE_SHARE, p.ratePerSecond(), 1e-9);
    }

    /**
     * A simulated network that delays (1..200 ms), loses (20%) and reorders chats, against the
     * server's own TokenBucket processing them in seq order: the server never refuses one.
     */
    @Test
    void theServerNeverRefusesAPacedChatWhateverTheNetworkDoes() {
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(0, refusals(new Random(seed), 20, 10), "seed " + seed);
            assertEquals(0, refusals(new Random(seed), 5, 40), "seed " + seed);
        }
    }

    private record Arrival(long at, int seq) {
    }

    private static int refusals(Random random, double rate, int burst) {
        ChatPacer pacer = new ChatPacer();
        TokenBucket server = new TokenBucket(rate, burst, 0);
        pacer.limits(ocm.protocol.ucrp.v2.Packet.Welcome.rateMilli(rate), burst, 0, 0);
        PriorityQueue<Arrival> network = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
        PriorityQueue<long[]> acks = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        TreeSet<Integer> arrived = new TreeSet<>();
        int nextSeq = 0;
        int processed = 0; // the server's next expected seq
        int acked = 0; // the client's oldest unacknowledged seq
        int refused = 0;
        List<long[]> resends = new ArrayList<>();
        for (long t = 0; t < 120_000 && acked < 600; t++) {
            while (nextSeq < 600 && pacer.tryTake(t, nextSeq - acked)) {
                send(network, random, t, nextSeq++);
            }
            for (long[] r : new ArrayList<>(resends)) {
                if (r[0] == t && r[1] >= acked) {
                    send(network, random, t, (int) r[1]);
                }
            }
            while (!network.isEmpty() && network.peek().at() <= t) {
                Arrival a = network.poll();
                if (random.nextDouble() < 0.2) {
                    resends.add(new long[] {t + 300, a.seq()}); // lost: the client resends it later
                    continue;
                }
                arrived.add(a.seq());
                while (arrived.remove(processed)) {
                    if (!server.tryTake(t)) {
                        refused++;
                    }
                    processed++;
                }
                acks.add(new long[] {t + 1 + random.nextInt(200), processed});
            }
            while (!acks.isEmpty() && acks.peek()[0] <= t) {
                acked = Math.max(acked, (int) acks.poll()[1]);
            }
        }
        assertEquals(600, acked, "the simulation delivered everything");
        return refused;
    }

    private static void send(PriorityQueue<Arrival> network, Random random, long t, int seq) {
        network.add(new Arrival(t + 1 + random.nextInt(200), seq));
    }
}
