package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PayloadTest {

    @Property
    void fieldsRoundTripAndTheTextIsAscii(@ForAll long nanos, @ForAll int sender, @ForAll int seq,
                                          @ForAll @IntRange(min = 33, max = 300) int size) {
        ByteBuffer b = ByteBuffer.allocate(400);
        b.put((byte) 7); // the payload need not start at 0
        Payload.write(b, nanos, sender, seq, size);
        assertEquals(1 + size, b.position());
        assertTrue(Payload.matches(b, 1, size));
        assertEquals(nanos, Payload.sendNanos(b, 1));
        assertEquals(sender, Payload.senderId(b, 1));
        assertEquals(seq, Payload.seq(b, 1));
        String text = new String(b.array(), 1, size, StandardCharsets.US_ASCII);
        assertTrue(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f), text);
    }
}
