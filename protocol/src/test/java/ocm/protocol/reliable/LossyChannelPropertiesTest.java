package ocm.protocol.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A SendWindow and a ReceiveWindow joined by a simulated channel that drops, duplicates, delays
 * and reorders in both directions: every item arrives exactly once and in order. Simulated
 * clock, seeded randomness, no sleeps.
 */
class LossyChannelPropertiesTest {
    /** A datagram in flight: data carries (seq, item); an ack carries (cumulative, mask). */
    private record InFlight(long arrival, long order, boolean data, int a, long b) {
    }

    /** The network: each send may be lost or duplicated, and arrives after a random delay. */
    private static final class Channel {
        private final PriorityQueue<InFlight> queue = new PriorityQueue<>(
                (x, y) -> x.arrival != y.arrival ? Long.compare(x.arrival, y.arrival) : Long.compare(x.order, y.order));
        private final Random random;
        private final int lossPct;
        private final int dupPct;
        private final int maxJitter;
        private final int baseDelay;
        private long order;
        int sent;

        Channel(Random random, int lossPct, int dupPct, int baseDelay, int maxJitter) {
            this.random = random;
            this.baseDelay = baseDelay;
            this.lossPct = lossPct;
            this.dupPct = dupPct;
            this.maxJitter = maxJitter;
        }

        void send(long now, boolean data, int a, long b) {
            sent++;
            if (random.nextInt(100) < lossPct) {
                return;
            }
            int copies = random.nextInt(100) < dupPct ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                queue.add(new InFlight(now + baseDelay + random.nextInt(maxJitter + 1), order++, data, a, b));
            }
        }

        long nextArrival() {
            return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().arrival;
        }

        InFlight poll(long now) {
            return nextArrival() <= now ? queue.poll() : null;
        }
    }

    @Property(tries = 200, seed = "20261124")
    void everyItemArrivesExactlyOnceAndInOrder(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 40) int lossPct,
            @ForAll @IntRange(min = 0, max = 30) int dupPct,
            @ForAll @IntRange(min = 0, max = 300) int maxJitter,
            @ForAll @IntRange(min = 1, max = 400) int items,
            @ForAll @IntRange(min = 0, max = 2) int capacityChoice,
            @ForAll boolean nearTheWrap) {
        Random random = new Random(seed);
        int firstSeq = nearTheWrap ? -1 - random.nextInt(items) : random.nextInt();
        int sendCapacity = new int[] {16, 64, 128}[capacityChoice];
        // Never give up here: giving up is tested on its own; this checks delivery.
        SendWindow<Integer> sender = new SendWindow<>(sendCapacity, firstSeq, new RttEstimator(), Integer.MAX_VALUE, Long.MAX_VALUE);
        ReceiveWindow<Integer> receiver = new ReceiveWindow<>(64, firstSeq);
        Channel toReceiver = new Channel(random, lossPct, dupPct, 5, maxJitter);
        Channel toSender = new Channel(random, lossPct, dupPct, 5, maxJitter);
        List<Integer> delivered = new ArrayList<>();
        List<Integer> givenUp = new ArrayList<>();
        long[] clock = {0};
        SendWindow.Retransmitter<Integer> resend = new SendWindow.Retransmitter<>() {
            @Override
            public void resend(int seq, Integer item) {
                toReceiver.send(clock[0], true, seq, item);
            }

            @Override
            public void giveUp(int seq, Integer item) {
                givenUp.add(item);
            }
        };

        int nextItem = 0;
        long deadline = 24L * 3600 * 1000; // a simulated day: only a livelock gets near it
        while (delivered.size() < items && clock[0] < deadline) {
            long now = clock[0];
            while (nextItem < items && sender.hasRoom()) {
                int seq = sender.add(nextItem, now);
                toReceiver.send(now, true, seq, nextItem);
                nextItem++;
            }
            for (InFlight d = toReceiver.poll(now); d != null; d = toReceiver.poll(now)) {
                ReceiveWindow.Offer offer = receiver.offer(d.a, (int) d.b);
                for (Integer item = receiver.poll(); item != null; item = receiver.poll()) {
                    delivered.add(item);
                }
                if (offer != ReceiveWindow.Offer.TOO_FAR) {
                    toSender.send(now, false, receiver.cumulative(), receiver.mask());
                }
            }
            for (InFlight a = toSender.poll(now); a != null; a = toSender.poll(now)) {
                sender.ack(a.a, a.b, now);
            }
            sender.poll(now, resend);
            long next = Math.min(Math.min(toReceiver.nextArrival(), toSender.nextArrival()), sender.nextDeadline());
            if (nextItem < items && sender.hasRoom()) {
                next = now; // acks made room: send more at once
            }
            clock[0] = Math.max(now + 1, next);
        }

        assertEquals(List.of(), givenUp);
        assertEquals(items, delivered.size(), "all delivered before the simulated deadline");
        for (int i = 0; i < items; i++) {
            assertEquals(i, delivered.get(i), "in order, once each");
        }
        assertTrue(toReceiver.sent >= items);
    }

    @Property(tries = 30, seed = "20261124")
    void withoutLossOrReorderingNothingIsResent(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int items,
            @ForAll @IntRange(min = 1, max = 100) int delay) {
        // A steady round trip under the first 250 ms timeout, FIFO, no loss: the timeout tracks
        // the round trip from above and nothing is ever sent twice. (With reordering, fast
        // retransmit may legitimately resend, as in TCP.)
        Random random = new Random(seed);
        int first = random.nextInt();
        SendWindow<Integer> sender = new SendWindow<>(64, first, new RttEstimator());
        ReceiveWindow<Integer> receiver = new ReceiveWindow<>(64, first);
        Channel toReceiver = new Channel(random, 0, 0, delay, 0);
        Channel toSender = new Channel(random, 0, 0, delay, 0);
        List<Integer> delivered = new ArrayList<>();
        int[] resends = {0};
        SendWindow.Retransmitter<Integer> out = new SendWindow.Retransmitter<>() {
            @Override
            public void resend(int seq, Integer item) {
                resends[0]++;
            }

            @Override
            public void giveUp(int seq, Integer item) {
                resends[0]++;
            }
        };
        long now = 0;
        int nextItem = 0;
        while (delivered.size() < items) {
            while (nextItem < items && sender.hasRoom()) {
                toReceiver.send(now, true, sender.add(nextItem, now), nextItem);
                nextItem++;
            }
            for (InFlight d = toReceiver.poll(now); d != null; d = toReceiver.poll(now)) {
                receiver.offer(d.a, (int) d.b);
                for (Integer item = receiver.poll(); item != null; item = receiver.poll()) {
                    delivered.add(item);
                }
                toSender.send(now, false, receiver.cumulative(), receiver.mask());
            }
            for (InFlight a = toSender.poll(now); a != null; a = toSender.poll(now)) {
                sender.ack(a.a, a.b, now);
            }
            sender.poll(now, out);
            long next = Math.min(toReceiver.nextArrival(), toSender.nextArrival());
            if (nextItem < items && sender.hasRoom()) {
                next = now;
            }
            assertTrue(next != Long.MAX_VALUE || delivered.size() == items, "the simulation stalled");
            now = Math.max(now + 1, next);
        }
        assertEquals(0, resends[0]);
    }
}
