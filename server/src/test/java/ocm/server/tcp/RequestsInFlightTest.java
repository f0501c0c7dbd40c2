package ocm.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-IP count of requests with the workers. */
class RequestsInFlightTest {
    @Test
    void anIpAtItsCapIsRefusedAndOthersAreNot() {
        RequestsInFlight inFlight = new RequestsInFlight(2);
        assertTrue(inFlight.tryStart("10.0.0.1"));
        assertTrue(inFlight.tryStart("10.0.0.1"));
        assertFalse(inFlight.tryStart("10.0.0.1"));
        assertEquals(2, inFlight.of("10.0.0.1"), "a refusal counts nothing");
        assertTrue(inFlight.tryStart("10.0.0.2"));
    }

    @Test
    void finishingFreesAPlaceAndAnIpAtZeroIsForgotten() {
        RequestsInFlight inFlight = new RequestsInFlight(1);
        assertTrue(inFlight.tryStart("10.0.0.1"));
        assertFalse(inFlight.tryStart("10.0.0.1"));
        inFlight.finish("10.0.0.1");
        assertEquals(0, inFlight.of("10.0.0.1"));
        assertEquals(0, inFlight.ips());
        assertTrue(inFlight.tryStart("10.0.0.1"));
    }

    @Test
    void finishingAnIpWithNothingInFlightChangesNothing() {
        RequestsInFlight inFlight = new RequestsInFlight(1);
        inFlight.finish("10.0.0.1");
        assertEquals(0, inFlight.of("10.0.0.1"));
        assertEquals(0, inFlight.ips());
        assertTrue(inFlight.tryStart("10.0.0.1"), "no negative count that would allow more than the cap later");
        assertFalse(inFlight.tryStart("10.0.0.1"));
    }
}
