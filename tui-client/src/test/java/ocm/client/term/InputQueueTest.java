package ocm.client.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What an SSH user types, as Lanterna reads it from a {@link StreamTerminal}. */
class InputQueueTest {
    private static List<KeyStroke> keys(StreamTerminal t) throws Exception {
        List<KeyStroke> got = new ArrayList<>();
        for (KeyStroke k = t.pollInput(); k != null; k = t.pollInput()) {
            got.add(k);
        }
        return got;
    }

    private static String typed(List<KeyStroke> keys) {
        StringBuilder b = new StringBuilder();
        for (KeyStroke k : keys) {
            b.append(k.getKeyType() == KeyType.Enter ? "<Enter>" : k.getKeyType() == KeyType.Character
                    ? String.valueOf(k.getCharacter()) : "<" + k.getKeyType() + ">");
        }
        return b.toString();
    }

    @Test
    void aLoneCrIsEnterWhenThePtySaysIcrnl() throws Exception {
        AtomicInteger wakes = new AtomicInteger();
        InputQueue in = new InputQueue(true, wakes::incrementAndGet);
        StreamTerminal t = new StreamTerminal(in, new ByteArrayOutputStream(), StandardCharsets.UTF_8, new TerminalSize(80, 24));
        byte[] typed = "abc\rdef\r".getBytes(StandardCharsets.US_ASCII);
        in.push(typed, 0, typed.length);
        assertEquals("abc<Enter>def<Enter>", typed(keys(t)));
        assertEquals(1, wakes.get(), "each push wakes the UI once");
    }

    @Test
    void withoutIcrnlACrIsLeftAsItCameAndIsNoEnter() throws Exception {
        InputQueue in = new InputQueue(false, () -> { });
        StreamTerminal t = new StreamTerminal(in, new ByteArrayOutputStream(), StandardCharsets.UTF_8, new TerminalSize(80, 24));
        byte[] typed = "ab\r".getBytes(StandardCharsets.US_ASCII);
        in.push(typed, 0, typed.length);
        // Why the mapping matters: Lanterna 3.1 makes no Enter of a lone CR (the line would never be sent).
        assertFalse(typed(keys(t)).contains("<Enter>"));
    }

    @Test
    void theEndOfTheConnectionIsTheEndOfInput() throws Exception {
        InputQueue in = new InputQueue(true, () -> { });
        StreamTerminal t = new StreamTerminal(in, new ByteArrayOutputStream(), StandardCharsets.UTF_8, new TerminalSize(80, 24));
        assertNull(t.pollInput(), "nothing typed yet: no key, and no waiting");
        in.end();
        assertEquals(KeyType.EOF, t.pollInput().getKeyType());
    }

    @Test
    void theSizeIsTheOneToldAndResizesAreReported() throws Exception {
        InputQueue in = new InputQueue(true, () -> { });
        StreamTerminal t = new StreamTerminal(in, new ByteArrayOutputStream(), StandardCharsets.UTF_8, new TerminalSize(100, 30));
        List<TerminalSize> seen = new ArrayList<>();
        t.addResizeListener((term, size) -> seen.add(size));
        assertEquals(new TerminalSize(100, 30), t.getTerminalSize());
        t.resized(132, 43);
        assertEquals(new TerminalSize(132, 43), t.getTerminalSize());
        assertEquals(new TerminalSize(132, 43), seen.get(seen.size() - 1), "the screen hears of the new size");
    }

    @Test
    void surrogatePairsAreWrittenWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamTerminal t = new StreamTerminal(new InputQueue(true, () -> { }), out, StandardCharsets.UTF_8, new TerminalSize(80, 24));
        for (char c : "x\uD83D\uDE00y".toCharArray()) {
            t.putCharacter(c);
        }
        t.flush();
        assertEquals("x\uD83D\uDE00y", out.toString(StandardCharsets.UTF_8));
    }
}
