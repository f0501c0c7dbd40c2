package ocm.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import ocm.protocol.Hex;
import ocm.protocol.Limits;
import org.junit.jupiter.api.Test;

/** The sealed datagram's bytes, pinned, and the sealer's numbering and limits. */
class SealerTest {
    /** CHAT seq 1 "hi", as it follows the clear v2 header. */
    static final byte[] INNER = Hex.bytes("02 00 07 00 00 00 01 00 68 69");
    static final long PN = 0x0000000100000002L;

    /** Computed by protocol/src/test/python/sealed_vector.py with pyca/cryptography's AESGCM. */
    static final byte[] GOLDEN_GEN0 = Hex.bytes(
            "00 80 01 02 03 04 05 06 07 08 00 00 00 01 00 00 00 02"   // marker, form|phase 0, session, packet number
            + "b0 30 15 b7 a0 7c 09 6e 01 d3"                         // ciphertext of the 10 inner bytes
            + "3d fc 5d d9 4c 54 05 9e 72 b6 38 18 59 0c 3a 83");    // tag
    static final byte[] GOLDEN_GEN1 = Hex.bytes(
            "00 81 01 02 03 04 05 06 07 08 00 00 00 01 00 00 00 02"
            + "86 fe 0c 72 95 cc 08 aa 84 64 41 b7 e7 de d2 b4 de 85 68 66 a7 e9 8a e0 da 23");

    static TrafficSecret c2s() {
        return SessionKeys.derive(SessionKeysTest.SECRET, SessionKeysTest.SESSION).secret(Direction.CLIENT_TO_SERVER);
    }

    @Test
    void sealedDatagramGoldenVector() {
        Sealer sealer = new Sealer(c2s(), SessionKeysTest.SESSION, PN);
        byte[] out = new byte[Limits.MAX_DATAGRAM];
        int n = sealer.seal(INNER, 0, INNER.length, out, 0);
        assertEquals(INNER.length + SealedHeader.OVERHEAD, n);
        assertArrayEquals(GOLDEN_GEN0, Arrays.copyOf(out, n));
        assertEquals(PN + 1, sealer.nextPacketNumber());
    }

    @Test
    void sealedDatagramGoldenVectorAfterAKeyUpdate() {
        Sealer sealer = new Sealer(c2s(), SessionKeysTest.SESSION, PN);
        sealer.updateKeys();
        byte[] out = new byte[64];
        int n = sealer.seal(INNER, 0, INNER.length, out, 3);
        assertArrayEquals(GOLDEN_GEN1, Arrays.copyOfRange(out, 3, 3 + n));
        assertEquals(1, sealer.generation());
    }

    @Test
    void sealingInPlaceGivesTheSameBytes() {
        byte[] buf = new byte[100];
        System.arraycopy(INNER, 0, buf, SealedHeader.HEADER_BYTES, INNER.length);
        int n = new Sealer(c2s(), SessionKeysTest.SESSION, PN).seal(buf, SealedHeader.HEADER_BYTES, INNER.length, buf, 0);
        assertArrayEquals(GOLDEN_GEN0, Arrays.copyOf(buf, n));
    }

    @Test
    void everyDatagramGetsTheNextPacketNumberAndCountsForTheKey() {
        Sealer sealer = new Sealer(c2s(), 7);
        byte[] out = new byte[64];
        for (int i = 0; i < 3; i++) {
            sealer.seal(INNER, 0, INNER.length, out, 0);
            assertEquals(i, SealedHeader.packetNumber(out, 0));
            assertEquals(7, SealedHeader.sessionId(out, 0));
        }
        assertEquals(3, sealer.sealedWithCurrentKeys());
        sealer.updateKeys();
        assertEquals(0, sealer.sealedWithCurrentKeys());
        sealer.seal(INNER, 0, INNER.length, out, 0);
        assertEquals(3, SealedHeader.packetNumber(out, 0), "numbers go on across a key update");
        assertEquals(1, SealedHeader.phase(out, 0));
    }

    @Test
    void theLargestSealedDatagramIsTheDatagramLimit() {
        assertEquals(34, SealedHeader.OVERHEAD);
        assertEquals(4062, SealedHeader.MAX_PLAINTEXT);
        byte[] plain = new byte[SealedHeader.MAX_PLAINTEXT];
        byte[] out = new byte[Limits.MAX_DATAGRAM];
        Sealer sealer = new Sealer(c2s(), 1);
        assertEquals(Limits.MAX_DATAGRAM, sealer.seal(plain, 0, plain.length, out, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sealer.seal(new byte[4063], 0, 4063, new byte[5000], 0));
        assertTrue(e.getMessage().contains("at most 4062"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sealer.seal(plain, 0, 100, new byte[133], 0));
        assertEquals(1, sealer.nextPacketNumber(), "a refused seal uses no packet number");
    }

    @Test
    void theMarkerCannotBeConfusedWithV1OrClearV2() {
        assertTrue(SealedHeader.isSealed(GOLDEN_GEN0, 0, GOLDEN_GEN0.length));
        // clear v2: 00 02 ...; v1: a room length of 1..255 first.
        assertEquals(false, SealedHeader.isSealed(Hex.bytes("00 02 00 01 02 61 74 31"), 0, 8));
        for (int first = 1; first < 256; first++) {
            assertEquals(false, SealedHeader.isSealed(new byte[] {(byte) first, (byte) 0x80}, 0, 2));
        }
        for (int version = 0; version < 0x80; version++) {
            assertEquals(false, SealedHeader.isSealed(new byte[] {0, (byte) version}, 0, 2));
        }
    }
}
