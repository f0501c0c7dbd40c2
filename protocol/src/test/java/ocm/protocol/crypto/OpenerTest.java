package ocm.protocol.crypto;

import static ocm.protocol.crypto.SealedDatagramException.Reason.BAD_TAG;
import static ocm.protocol.crypto.SealedDatagramException.Reason.KEYS_DISCARDED;
import static ocm.protocol.crypto.SealedDatagramException.Reason.MALFORMED;
import static ocm.protocol.crypto.SealedDatagramException.Reason.REPLAYED;
import static ocm.protocol.crypto.SealedDatagramException.Reason.TOO_OLD;
import static ocm.protocol.crypto.SealedDatagramException.Reason.WRONG_SESSION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import ocm.protocol.Hex;
import org.junit.jupiter.api.Test;

/** What the receiver opens and what it refuses: tampered, cut, replayed, reordered, re-keyed, foreign. */
class OpenerTest {
    static final long SESSION = SessionKeysTest.SESSION;
    private final TrafficSecret c2s = SealerTest.c2s();
    private final Sealer sealer = new Sealer(c2s, SESSION);
    private final Opener opener = new Opener(c2s, SESSION);
    private final byte[] out = new byte[4096];

    private byte[] seal(String text) {
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] dgram = new byte[plain.length + SealedHeader.OVERHEAD];
        sealer.seal(plain, 0, plain.length, dgram, 0);
        return dgram;
    }

    private String open(byte[] dgram, long now) throws SealedDatagramException {
        int n = opener.open(dgram, 0, dgram.length, out, 0, now);
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private SealedDatagramException.Reason refused(byte[] dgram, long now) {
        return assertThrows(SealedDatagramException.class, () -> open(dgram, now)).reason();
    }

    @Test
    void opensTheGoldenVectorToItsInnerPackets() throws Exception {
        int n = opener.open(SealerTest.GOLDEN_GEN0, 0, SealerTest.GOLDEN_GEN0.length, out, 0, 0);
        assertArrayEquals(SealerTest.INNER, Arrays.copyOf(out, n));
        assertEquals(SealerTest.PN, opener.lastPacketNumber());
    }

    @Test
    void opensInPlace() throws Exception {
        byte[] d = seal("in place");
        int n = opener.open(d, 0, d.length, d, SealedHeader.HEADER_BYTES, 0);
        assertEquals("in place", new String(d, SealedHeader.HEADER_BYTES, n, StandardCharsets.UTF_8));
    }

    @Test
    void aReplayedDatagramIsRefusedAndAReorderedOneOpens() throws Exception {
        byte[] first = seal("one");
        byte[] second = seal("two");
        assertEquals("two", open(second, 0));
        assertTrue(opener.lastWasHighest());
        assertEquals("one", open(first, 0));
        assertFalse(opener.lastWasHighest(), "a reordered datagram must not move an address");
        assertEquals(REPLAYED, refused(first, 0));
        assertEquals(REPLAYED, refused(second, 0));
    }

    @Test
    void aDatagramOlderThanTheWindowIsRefused() throws Exception {
        byte[] old = seal("old");
        byte[] last = null;
        for (int i = 0; i < ReplayWindow.DEFAULT_SIZE; i++) {
            last = seal("x");
        }
        open(last, 0);
        assertEquals(TOO_OLD, refused(old, 0));
    }

    @Test
    void tamperingWithAnyByteIsRefusedAndSpendsNothing() throws Exception {
        byte[] good = seal("tamper me");
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            SealedDatagramException.Reason r = refused(bad, 0);
            assertTrue(r == BAD_TAG || r == WRONG_SESSION || r == MALFORMED, "byte " + i + ": " + r);
        }
        assertEquals("tamper me", open(good, 0), "failed attempts must not mark the packet number seen");
        assertEquals(0, opener.generation(), "a forged phase bit must not update the keys");
    }

    @Test
    void aDatagramThatFailsItsTagWritesNothingOut() {
        byte[] d = seal("x".repeat(1000));
        d[d.length - 1] ^= 1;
        byte[] target = new byte[1000];
        Arrays.fill(target, (byte) 0x55);
        assertThrows(SealedDatagramException.class, () -> opener.open(d, 0, d.length, target, 0, 0));
        byte[] untouched = new byte[1000];
        Arrays.fill(untouched, (byte) 0x55);
        assertArrayEquals(untouched, target, "no unauthenticated plaintext may reach the caller");
    }

    @Test
    void everyTruncationIsRefused() {
        byte[] good = seal("cut me short");
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            assertThrows(SealedDatagramException.class, () -> open(cut, 0), "length " + len);
        }
    }

    @Test
    void anotherSessionsDatagramIsRefused() {
        Sealer other = new Sealer(c2s, SESSION + 1);
        byte[] d = new byte[40];
        int n = other.seal(new byte[6], 0, 6, d, 0);
        assertEquals(WRONG_SESSION, refused(Arrays.copyOf(d, n), 0));
    }

    @Test
    void keysOfAnotherSessionWithTheSameIdFailTheTag() {
        byte[] otherSecret = new byte[32];
        TrafficSecret foreign = SessionKeys.derive(otherSecret, SESSION).secret(Direction.CLIENT_TO_SERVER);
        byte[] d = new byte[40];
        int n = new Sealer(foreign, SESSION).seal(new byte[6], 0, 6, d, 0);
        assertEquals(BAD_TAG, refused(Arrays.copyOf(d, n), 0));
    }

    @Test
    void theOtherDirectionsKeysFailTheTag() {
        TrafficSecret s2c = SessionKeys.derive(SessionKeysTest.SECRET, SESSION).secret(Direction.SERVER_TO_CLIENT);
        byte[] d = new byte[40];
        int n = new Sealer(s2c, SESSION).seal(new byte[6], 0, 6, d, 0);
        assertEquals(BAD_TAG, refused(Arrays.copyOf(d, n), 0), "a server datagram reflected back must not open");
    }

    @Test
    void reservedFormBitsAndNonSealedDatagramsAreMalformed() {
        byte[] d = seal("x");
        d[1] = (byte) 0x82;
        assertEquals(MALFORMED, refused(d, 0));
        assertEquals(MALFORMED, refused(Hex.concat("x:00 02 00 01 02 61 74 31", new byte[40]), 0));
        assertEquals(MALFORMED, refused(new byte[4097], 0));
    }

    @Test
    void followsTheSendersKeyUpdateAndKeepsThePreviousKeysBriefly() throws Exception {
        byte[] beforeUpdate = seal("late");
        sealer.updateKeys();
        byte[] afterUpdate = seal("new keys");
        assertEquals("new keys", open(afterUpdate, 1_000));
        assertEquals(1, opener.generation());
        assertEquals("late", open(beforeUpdate, 1_000 + PhaseTracker.PREVIOUS_KEY_MILLIS - 1), "reordered across the update");
        assertEquals("still new", open(seal("still new"), 1_000));
    }

    @Test
    void thePreviousKeysAreDiscardedAfterTheirGraceTime() throws Exception {
        byte[] beforeUpdate = seal("too late");
        sealer.updateKeys();
        open(seal("new keys"), 1_000);
        assertEquals(KEYS_DISCARDED, refused(beforeUpdate, 1_000 + PhaseTracker.PREVIOUS_KEY_MILLIS));
    }

    @Test
    void followsSeveralKeyUpdatesInARow() throws Exception {
        for (int gen = 1; gen <= 4; gen++) {
            sealer.updateKeys();
            assertEquals("gen " + gen, open(seal("gen " + gen), gen * 100_000L));
            assertEquals(gen, opener.generation());
        }
    }

    @Test
    void aNextPhaseDatagramThatFailsItsTagUpdatesNothing() throws Exception {
        Sealer skipped = new Sealer(c2s.next().next().next(), SESSION, 50);
        byte[] d = new byte[40];
        int n = skipped.seal(new byte[6], 0, 6, d, 0);
        assertEquals(BAD_TAG, refused(Arrays.copyOf(d, n), 0));
        assertEquals(0, opener.generation());
        assertEquals("current", open(seal("current"), 0));
    }
}
