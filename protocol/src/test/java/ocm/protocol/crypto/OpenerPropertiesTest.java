package ocm.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.ByteRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips for any inner bytes, and no change to any byte goes unnoticed. */
class OpenerPropertiesTest {
    private static final long SESSION = 0x5eed;
    private static final TrafficSecret SECRET = SessionKeys.derive(new byte[32], SESSION).secret(Direction.SERVER_TO_CLIENT);

    @Property(tries = 200)
    void whatIsSealedOpensToTheSameBytes(@ForAll @Size(max = 4062) byte[] inner, @ForAll @IntRange(max = 1_000_000) int firstPn) throws Exception {
        byte[] d = new byte[inner.length + SealedHeader.OVERHEAD];
        new Sealer(SECRET, SESSION, firstPn).seal(inner, 0, inner.length, d, 0);
        byte[] out = new byte[inner.length];
        int n = new Opener(SECRET, SESSION).open(d, 0, d.length, out, 0, 0);
        assertArrayEquals(inner, Arrays.copyOf(out, n));
    }

    @Property(tries = 500)
    void aChangedByteAnywhereIsNeverOpened(@ForAll @Size(min = 1, max = 300) byte[] inner,
            @ForAll @IntRange(max = 100_000) int index, @ForAll @ByteRange(min = 1) byte flip) {
        byte[] d = new byte[inner.length + SealedHeader.OVERHEAD];
        new Sealer(SECRET, SESSION).seal(inner, 0, inner.length, d, 0);
        d[index % d.length] ^= flip;
        Opener opener = new Opener(SECRET, SESSION);
        assertThrows(SealedDatagramException.class, () -> opener.open(d, 0, d.length, new byte[d.length], 0, 0));
    }
}
