package ocm.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A sender that updates its keys whenever the update is confirmed, over a network that reorders
 * (each datagram held back up to {@code maxDelay} sends) and duplicates: the opener opens each
 * datagram at most once, to its own bytes, and always when it is within one generation of the
 * receiver's and inside the replay window; older generations are lost, never misread.
 */
class KeyUpdateChannelPropertiesTest {
    private static final long SESSION = 77;

    private record InFlight(byte[] datagram, long generation, long packetNumber, int sentAt, int index) {
    }

    @Property(tries = 150)
    void opensEverythingWithinOneGenerationExactlyOnce(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int maxDelay,
            @ForAll @IntRange(min = 1, max = 30) int updateEvery) throws Exception {
        Random rnd = new Random(seed);
        TrafficSecret secret = SessionKeys.derive(new byte[32], SESSION).secret(Direction.CLIENT_TO_SERVER);
        Sealer sealer = new Sealer(secret, SESSION);
        Opener opener = new Opener(secret, SESSION);
        List<InFlight> net = new ArrayList<>();
        Set<Integer> opened = new HashSet<>();
        byte[] out = new byte[64];
        int sends = 600;
        for (int step = 0; step < sends || !net.isEmpty(); step++) {
            if (step < sends) {
                // Confirmed: the receiver has opened something under the sender's current keys.
                if (opener.generation() == sealer.generation() && rnd.nextInt(updateEvery) == 0) {
                    sealer.updateKeys();
                }
                byte[] plain = ByteBuffer.allocate(4).putInt(step).array();
                byte[] d = new byte[4 + SealedHeader.OVERHEAD];
                long pn = sealer.nextPacketNumber();
                sealer.seal(plain, 0, 4, d, 0);
                net.add(new InFlight(d, sealer.generation(), pn, step, step));
                if (rnd.nextInt(10) == 0) {
                    net.add(new InFlight(d, sealer.generation(), pn, step, step)); // a duplicate
                }
            }
            // Deliver: anything held maxDelay sends, and a random share of the rest, in random order.
            List<InFlight> due = new ArrayList<>();
            for (InFlight f : net) {
                if (step - f.sentAt() >= maxDelay || step >= sends || rnd.nextInt(3) == 0) {
                    due.add(f);
                }
            }
            net.removeAll(due);
            Collections.shuffle(due, rnd);
            for (InFlight f : due) {
                long receiverGen = opener.generation();
                boolean fresh = !opened.contains(f.index());
                boolean inWindow = f.packetNumber() > highestOpened(opener) - ReplayWindow.DEFAULT_SIZE;
                boolean shouldOpen = fresh && inWindow && Math.abs(f.generation() - receiverGen) <= 1;
                boolean didOpen;
                try {
                    int n = opener.open(f.datagram(), 0, f.datagram().length, out, 0, step);
                    assertEquals(4, n);
                    assertEquals(f.index(), ByteBuffer.wrap(out, 0, 4).getInt(), "opened to other bytes");
                    didOpen = true;
                } catch (SealedDatagramException e) {
                    didOpen = false;
                }
                if (didOpen) {
                    assertTrue(opened.add(f.index()), "datagram " + f.index() + " opened twice");
                }
                assertEquals(shouldOpen, didOpen, "datagram " + f.index() + " of generation " + f.generation()
                        + " at receiver generation " + receiverGen);
            }
        }
    }

    private static long highestOpened(Opener opener) {
        return opener.highestPacketNumber();
    }
}
