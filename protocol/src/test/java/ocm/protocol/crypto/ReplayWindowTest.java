package ocm.protocol.crypto;

import static ocm.protocol.crypto.ReplayWindow.Verdict.DUPLICATE;
import static ocm.protocol.crypto.ReplayWindow.Verdict.FRESH;
import static ocm.protocol.crypto.ReplayWindow.Verdict.TOO_OLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    @Test
    void checkChangesNothingUntilMarked() {
        ReplayWindow w = new ReplayWindow();
        assertEquals(FRESH, w.check(5));
        assertEquals(FRESH, w.check(5));
        assertEquals(-1, w.highest());
        assertTrue(w.markSeen(5));
        assertEquals(DUPLICATE, w.check(5));
        assertFalse(w.markSeen(5));
    }

    @Test
    void theWindowReachesExactlySizeMinusOneBehindTheHighest() {
        ReplayWindow w = new ReplayWindow(2048);
        w.markSeen(10_000);
        assertEquals(FRESH, w.check(10_000 - 2047));
        assertEquals(TOO_OLD, w.check(10_000 - 2048));
        assertEquals(FRESH, w.check(10_001));
    }

    @Test
    void aBigJumpForgetsEverythingBehindIt() {
        ReplayWindow w = new ReplayWindow(64);
        for (int i = 0; i < 64; i++) {
            w.markSeen(i);
        }
        w.markSeen(1_000_000);
        assertEquals(FRESH, w.check(1_000_000 - 63), "an old bit must not survive the jump");
        assertEquals(TOO_OLD, w.check(63));
    }

    @Test
    void refusesBadSizesAndNegativeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(100));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(32));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow().check(-1));
    }
}
