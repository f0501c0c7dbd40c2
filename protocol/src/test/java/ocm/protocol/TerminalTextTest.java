package ocm.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void escapeSequencesCannotReachTheTerminal() {
        assertEquals("a?]0;PWNED?b?[2J", TerminalText.safe("a\u001b]0;PWNED\u0007b\u001b[2J", 100));
    }

    @Test
    void c1ControlsAndDeleteAreReplaced() {
        assertEquals("x?y?z", TerminalText.safe("x\u009by\u007fz", 100));
    }

    @Test
    void bidiOverridesZeroWidthAndLoneSurrogatesAreReplaced() {
        assertEquals("?evil ?x ?y ?", TerminalText.safe("\u202eevil \u200bx \ufeffy \ud800", 100));
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "alice: 日本語 café naïve — ok";
        assertEquals(text, TerminalText.safe(text, 100));
    }

    @Test
    void longTextIsCutWithACount() {
        assertEquals("abc…(3 more)", TerminalText.safe("abcdef", 3));
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        assertEquals("\ud83d\ude00…(1 more)", TerminalText.safe("\ud83d\ude00x", 1));
    }
}
