package ocm.protocol.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import ocm.protocol.DecodeOnlyThrowsProtocolException;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.protocol.ucrp.v1.V1Codec;
import ocm.protocol.ucrp.v2.V2Codec;

/**
 * The parsers every hostile byte reaches first: whatever they are fed, they decode or throw
 * ProtocolException with a message, nothing else (no other exception, no hang, no huge
 * allocation). In a normal test run Jazzer replays the inputs kept under
 * src/test/resources/ocm/protocol/fuzz/ParsersFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes for real
 * (docs/SECURITY.md says how).
 */
class ParsersFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void tcrpRequest(byte[] data) {
        DecodeOnlyThrowsProtocolException.check(() -> {
            if (data.length < TcrpCodec.HEADER_SIZE) {
                return null;
            }
            TcrpHeader h = TcrpCodec.decodeHeader(data, 0, TcrpCodec.HEADER_SIZE);
            byte[] body = Arrays.copyOfRange(data, TcrpCodec.HEADER_SIZE, data.length);
            if (body.length < h.bodySize()) {
                return null;
            }
            return TcrpMessages.decodeRequest(TcrpCodec.decodeBody(h, body, 0, h.bodySize()));
        });
    }

    @FuzzTest(maxDuration = "3m")
    void ucrpDatagram(byte[] data) {
        DecodeOnlyThrowsProtocolException.check(() -> {
            ByteBuffer buf = ByteBuffer.wrap(data);
            return V2Codec.isV2(buf) ? V2Codec.decode(buf) : V1Codec.decodeClient(buf);
        });
    }
}
