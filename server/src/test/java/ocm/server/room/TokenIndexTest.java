package ocm.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import ocm.protocol.Utf8;
import org.junit.jupiter.api.Test;

/** The byte-keyed token index agrees with a HashMap through random puts and removes. */
class TokenIndexTest {
    @Test
    void agreesWithAHashMap() throws Exception {
        RoomRegistry registry = new RoomRegistry(new RoomRegistry.Limits(10, 10_000, 0, 1, 1), new Tokens());
        Member host = registry.create("r", "host", Optional.empty(), 1, null, 0);
        TokenIndex index = new TokenIndex();
        Map<String, Member> model = new HashMap<>();
        List<String> keys = new ArrayList<>();
        Random random = new Random(99);
        for (int step = 0; step < 20_000; step++) {
            if (keys.isEmpty() || random.nextInt(3) > 0) {
                String k = "token_" + Integer.toHexString(random.nextInt(5000));
                index.put(Utf8.encode(k), host);
                if (model.put(k, host) == null) {
                    keys.add(k);
                }
            } else {
                String k = keys.remove(random.nextInt(keys.size()));
                index.remove(Utf8.encode(k));
                model.remove(k);
            }
            if (step % 97 == 0) {
                assertEquals(model.size(), index.size());
                for (String k : keys) {
                    byte[] b = Utf8.encode("xx" + k);
                    assertSame(host, index.get(ByteBuffer.wrap(b), 2, b.length - 2), k);
                }
                byte[] missing = Utf8.encode("token_zzzz");
                assertNull(index.get(ByteBuffer.wrap(missing), 0, missing.length));
            }
        }
    }
}
