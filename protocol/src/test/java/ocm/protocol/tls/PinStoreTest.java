package ocm.protocol.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import ocm.protocol.ProtocolException;
import ocm.protocol.identity.Fingerprint;
import org.junit.jupiter.api.Test;

class PinStoreTest {
    static final String A = "SHA256:z+Pkh41fuHDCyZPqVKoskhOHP99/Hmp8Gu6zWQ+aLgU";
    static final String B = "SHA256:Yx0eP8W8lyyY4LOru1n54KGLcRkaqkhu5bKSrowtpq8";
    static final String FILE = "# OCM known servers\n"
            + "127.0.0.1:9090 " + A + "\n"
            + "\n"
            + "[::1]:9090\t" + B + "\n";

    private static ServerAddress addr(String s) throws ProtocolException {
        return ServerAddress.parse(s);
    }

    @Test
    void parsesAndWritesBackTheSameText() throws Exception {
        PinStore s = PinStore.parse(FILE);
        assertEquals(Optional.of(Fingerprint.parse(A)), s.pinned(addr("127.0.0.1:9090")));
        assertEquals(Optional.of(Fingerprint.parse(B)), s.pinned(addr("[::1]:9090")));
        assertEquals(Optional.empty(), s.pinned(addr("127.0.0.1:9091")));
        assertEquals(FILE.replace('\t', ' '), s.serialize());
        assertEquals(s.serialize(), PinStore.parse(s.serialize()).serialize());
    }

    @Test
    void firstContactPinsAndThenMatches() throws Exception {
        PinStore s = PinStore.parse(FILE);
        ServerAddress home = addr("Chat.Example.org:9090");
        PinDecision d = s.check(home, Fingerprint.parse(A));
        PinDecision.FirstContact first = assertInstanceOf(PinDecision.FirstContact.class, d);
        assertTrue(first.message().contains(A), first.message());
        PinStore pinned = s.withPin(home, Fingerprint.parse(A));
        assertTrue(pinned.serialize().endsWith("chat.example.org:9090 " + A + "\n"), pinned.serialize());
        assertInstanceOf(PinDecision.Match.class, PinStore.parse(pinned.serialize()).check(addr("chat.example.org:9090"), Fingerprint.parse(A)));
    }

    @Test
    void aChangedKeyIsRefusedNamingBothFingerprintsAndHowToAccept() throws Exception {
        PinDecision d = PinStore.parse(FILE).check(addr("127.0.0.1:9090"), Fingerprint.parse(B));
        PinDecision.Changed changed = assertInstanceOf(PinDecision.Changed.class, d);
        assertEquals(2, changed.line());
        String m = changed.message("~/.config/ocm/known_servers");
        assertTrue(m.contains(A) && m.contains(B), m);
        assertTrue(m.contains("delete line 2 of ~/.config/ocm/known_servers"), m);
    }

    @Test
    void acceptingANewKeyDeliberatelyReplacesThePinInItsLine() throws Exception {
        PinStore s = PinStore.parse(FILE).withPin(addr("127.0.0.1:9090"), Fingerprint.parse(B));
        assertEquals(FILE.replace('\t', ' ').replace("127.0.0.1:9090 " + A, "127.0.0.1:9090 " + B), s.serialize());
        assertInstanceOf(PinDecision.Match.class, s.check(addr("127.0.0.1:9090"), Fingerprint.parse(B)));
        assertInstanceOf(PinDecision.FirstContact.class, s.without(addr("127.0.0.1:9090")).check(addr("127.0.0.1:9090"), Fingerprint.parse(A)));
    }

    @Test
    void badLinesAreRefusedWithTheirNumber() {
        assertEquals("line 2: 'oops' has 1 fields; a pin is ADDRESS SHA256:FINGERPRINT",
                assertThrows(PinFileException.class, () -> PinStore.parse("# x\noops\n")).getMessage());
        PinFileException e = assertThrows(PinFileException.class, () -> PinStore.parse("\n\nhost:notaport " + A));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        e = assertThrows(PinFileException.class, () -> PinStore.parse("host:9090 MD5:aa"));
        assertTrue(e.getMessage().startsWith("line 1: ") && e.getMessage().contains("SHA256:"), e.getMessage());
        e = assertThrows(PinFileException.class, () -> PinStore.parse("h:1 " + A + "\nH:1 " + B + "\n"));
        assertEquals("line 2: h:1 is pinned already on line 1", e.getMessage());
        e = assertThrows(PinFileException.class, () -> PinStore.parse("::1:9090 " + A));
        assertTrue(e.getMessage().contains("brackets"), e.getMessage());
        assertThrows(PinFileException.class, () -> PinStore.parse("h:70000 " + A));
        assertThrows(PinFileException.class, () -> PinStore.parse("h:1 " + A + " extra"));
    }

    @Test
    void anEmptyFileIsAnEmptyStore() throws Exception {
        assertEquals("", PinStore.parse("").serialize());
        assertEquals("h:1 " + A + "\n", PinStore.empty().withPin(addr("h:1"), Fingerprint.parse(A)).serialize());
    }
}
