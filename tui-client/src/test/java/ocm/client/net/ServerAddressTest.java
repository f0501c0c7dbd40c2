package ocm.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one port rule the flags, the connect screen and the address itself share. */
class ServerAddressTest {
    @Test
    void portsFrom1To65535ParseWithSpacesAround() {
        assertEquals(Optional.of(1), ServerAddress.parsePort("1"));
        assertEquals(Optional.of(65535), ServerAddress.parsePort(" 65535 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "0", "65536", "-1", "abc", "90 90", "99999999999"})
    void anythingElseIsNoPort(String text) {
        assertEquals(Optional.empty(), ServerAddress.parsePort(text));
    }

    @Test
    void nullIsNoPortAndAnAddressRefusesABadOne() {
        assertEquals(Optional.empty(), ServerAddress.parsePort(null));
        assertThrows(IllegalArgumentException.class, () -> new ServerAddress("127.0.0.1", 0, 9091));
    }
}
