package ocm.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs a decoder on hostile input: it may succeed or throw ProtocolException with a message, nothing else. */
public final class DecodeOnlyThrowsProtocolException {
    /** A decode call. */
    @FunctionalInterface
    public interface Decode {
        Object run() throws ProtocolException;
    }

    private DecodeOnlyThrowsProtocolException() {
    }

    public static void check(Decode d) {
        try {
            d.run();
        } catch (ProtocolException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a ProtocolException says what was wrong");
        }
    }
}
