package ocm.protocol.crypto;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import ocm.protocol.DecodeOnlyThrowsProtocolException;
import ocm.protocol.identity.Ed25519Keys;
import ocm.protocol.identity.Fingerprint;
import ocm.protocol.tls.FirstBytes;
import ocm.protocol.tls.PinStore;
import ocm.protocol.tls.ServerAddress;

/** Whatever a peer or a damaged file hands them, the new readers answer or refuse with a message: nothing else. */
class HostileInputPropertiesTest {
    private static final long SESSION = 0x0102030405060708L;
    private static final TrafficSecret SECRET = SessionKeys.derive(new byte[32], SESSION).secret(Direction.CLIENT_TO_SERVER);

    @Property(tries = 500)
    void randomBytesAfterASealedHeaderNeverOpen(@ForAll @Size(max = 4200) byte[] tail, @ForAll boolean phase) {
        byte[] d = new byte[SealedHeader.HEADER_BYTES + tail.length];
        SealedHeader.write(d, 0, phase ? 1 : 0, SESSION, 7);
        System.arraycopy(tail, 0, d, SealedHeader.HEADER_BYTES, tail.length);
        Opener opener = new Opener(SECRET, SESSION);
        DecodeOnlyThrowsProtocolException.check(() -> {
            opener.open(d, 0, d.length, new byte[d.length], 0, 0);
            throw new AssertionError("random bytes opened");
        });
    }

    @Property(tries = 500)
    void anyBytesAreRefusedOrOpenedNeverCrash(@ForAll @Size(max = 200) byte[] d) {
        Opener opener = new Opener(SECRET, SESSION);
        DecodeOnlyThrowsProtocolException.check(() -> opener.open(d, 0, d.length, new byte[d.length], 0, 0));
        FirstBytes.classify(d, 0, d.length);
    }

    @Property(tries = 300)
    void anyTextIsAPinFileOrALineError(@ForAll String text) {
        DecodeOnlyThrowsProtocolException.check(() -> PinStore.parse(text));
        DecodeOnlyThrowsProtocolException.check(() -> PinStore.parse("h:1 " + text));
        DecodeOnlyThrowsProtocolException.check(() -> ServerAddress.parse(text));
        DecodeOnlyThrowsProtocolException.check(() -> Fingerprint.parse("SHA256:" + text));
        DecodeOnlyThrowsProtocolException.check(() -> Ed25519Keys.parseOpenSsh("ssh-ed25519 " + text));
    }
}
