package ocm.protocol.crypto;

import static ocm.protocol.crypto.PhaseTracker.Keys.CURRENT;
import static ocm.protocol.crypto.PhaseTracker.Keys.NEXT;
import static ocm.protocol.crypto.PhaseTracker.Keys.NONE;
import static ocm.protocol.crypto.PhaseTracker.Keys.PREVIOUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a sender updates its keys, and which keys a receiver picks for a phase bit. */
class KeyLifeTest {
    private static final long HOUR = 3_600_000;
    private final KeyUpdatePolicy policy = new KeyUpdatePolicy();

    @Test
    void anUpdateIsDueAfter2To24DatagramsOrAnHour() {
        assertFalse(policy.updateDue((1L << 24) - 1, 0, HOUR - 1, true));
        assertTrue(policy.updateDue(1L << 24, 0, 1, true));
        assertTrue(policy.updateDue(0, 5_000, 5_000 + HOUR, true));
    }

    @Test
    void noSecondUpdateBeforeThePeerConfirmedTheCurrentKeys() {
        assertFalse(policy.updateDue(1L << 25, 0, 10 * HOUR, false));
        assertFalse(policy.exhausted((1L << 25) - 1));
        assertTrue(policy.exhausted(1L << 25));
    }

    @Test
    void limitsAboveTheSafeOnesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KeyUpdatePolicy((1L << 24) + 1, HOUR));
        assertThrows(IllegalArgumentException.class, () -> new KeyUpdatePolicy(10, HOUR + 1));
        assertTrue(new KeyUpdatePolicy(10, 1_000).updateDue(10, 0, 0, true));
    }

    @Test
    void generationZeroUsesCurrentForItsPhaseAndNextForTheOther() {
        PhaseTracker p = new PhaseTracker();
        assertEquals(CURRENT, p.choose(0, 0, 0));
        assertEquals(NEXT, p.choose(1, 0, 0));
        assertEquals(NEXT, p.choose(1, 999, 0));
    }

    @Test
    void afterAnUpdateLowerNumbersOfTheOldPhaseUseThePreviousKeysUntilTheyExpire() {
        PhaseTracker p = new PhaseTracker(10_000);
        p.promoted(100, 50_000);
        assertEquals(1, p.generation());
        assertEquals(CURRENT, p.choose(1, 101, 50_000));
        assertEquals(PREVIOUS, p.choose(0, 99, 59_999), "sealed before the update, reordered");
        assertEquals(NONE, p.choose(0, 99, 60_000), "the previous keys are gone");
        assertTrue(p.previousExpired(60_000));
        assertEquals(NEXT, p.choose(0, 101, 50_000), "a higher number in the other phase is the next update");
    }

    @Test
    void aReorderedCurrentPhaseDatagramLowersThePhasesStart() {
        PhaseTracker p = new PhaseTracker(10_000);
        p.promoted(100, 0);
        p.openedCurrent(95);
        assertEquals(PREVIOUS, p.choose(0, 94, 1));
        assertEquals(NEXT, p.choose(0, 96, 1));
    }
}
