package ocm.server.tcp;

import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.protocol.tcrp.TcrpRequest;

/** Test helper: a request as wire bytes. */
final class TcpCodecs {
    private TcpCodecs() {
    }

    static byte[] request(TcrpRequest r) {
        return TcrpCodec.encode(TcrpMessages.encodeRequest(r));
    }
}
