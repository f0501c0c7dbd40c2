package ocm.server.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.tcrp.Compliance;
import ocm.protocol.tcrp.ListRooms;
import ocm.protocol.tcrp.Operation;
import ocm.protocol.tcrp.Refusal;
import ocm.protocol.tcrp.RoomListing;
import ocm.protocol.tcrp.State;
import ocm.protocol.tcrp.TcrpCodec;
import ocm.protocol.tcrp.TcrpFrame;
import ocm.protocol.tcrp.TcrpHeader;
import ocm.protocol.tcrp.TcrpMessages;
import ocm.server.ChatServer;
import ocm.server.config.AbuseLimits;
import ocm.server.config.ServerConfig;
import ocm.server.testing.TcrpClient;
import org.junit.jupiter.api.Test;

/** The room list always fits one TCRP frame; nothing oversize is ever sent; room creation is rate limited per IP. */
class RoomListLimitsTest {
    /** Sends one request and reads every frame of the answer until the server closes. */
    static List<TcrpFrame> exchange(int port, byte[] request) throws Exception {
        List<TcrpFrame> frames = new ArrayList<>();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int i = 0; i < 10; i++) {
                byte[] header = new byte[TcrpCodec.HEADER_SIZE];
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    break;
                }
                TcrpHeader h = TcrpCodec.decodeHeader(header, 0, header.length);
                byte[] body = new byte[h.bodySize()];
                in.readFully(body);
                frames.add(TcrpCodec.decodeBody(h, body, 0, body.length));
            }
        }
        return frames;
    }

    private static String longName(int i) {
        String prefix = String.format("room-%04d-", i);
        return prefix + "x".repeat(Limits.MAX_ROOM_NAME_BYTES - prefix.length());
    }

    @Test
    void listOfManyLongNamedRoomsFitsOneFrameMostPopulatedFirstAndSaysHowManyAreLeftOut() throws Exception {
        int n = 260;
        AbuseLimits generous = AbuseLimits.defaults().withRoomCreation(10_000, 1000);
        try (ChatServer s = new ChatServer(ServerConfig.forTests(), generous).start()) {
            TcrpClient t = new TcrpClient(s.tcpPort());
            for (int i = 0; i < n; i++) {
                assertTrue(t.create(longName(i), "host-" + "h".repeat(20)).ok());
            }
            String popular = longName(n - 1);
            assertTrue(t.join(popular, "bob").ok());
            assertTrue(t.join(popular, "carol").ok());

            List<TcrpFrame> frames = exchange(s.tcpPort(), TcpCodecs.request(new ListRooms()));
            assertEquals(2, frames.size());
            TcrpFrame listing = frames.get(1);
            assertTrue(listing.payload().length <= Limits.MAX_TCRP_PAYLOAD, listing.payload().length + " bytes");
            RoomListing decoded = (RoomListing) TcrpMessages.decodeReply(listing);
            JsonObject json = JsonParser.parseString(new String(listing.payload(), java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
            int more = json.get("more").getAsInt();
            assertTrue(more > 0, "the 260 rooms do not all fit");
            assertEquals(n, decoded.rooms().size() + more);
            assertEquals(popular, decoded.rooms().get(0).name(), "the most populated room comes first");
            assertEquals(3, decoded.rooms().get(0).members());
            assertEquals(longName(0), decoded.rooms().get(1).name(), "then by name");
            // The ordinary client (which lists before joining) reads it.
            assertEquals(decoded, t.list());
        }
    }

    @Test
    void smallListHasNoMoreField() throws Exception {
        try (ChatServer s = new ChatServer(ServerConfig.forTests()).start()) {
            assertTrue(new TcrpClient(s.tcpPort()).create("one", "alice").ok());
            List<TcrpFrame> frames = exchange(s.tcpPort(), TcpCodecs.request(new ListRooms()));
            String payload = new String(frames.get(1).payload(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("{\"rooms\":[{\"name\":\"one\",\"host\":\"alice\",\"members\":1,\"locked\":false}]}", payload);
        }
    }

    @Test
    void anOversizeFrameIsNeverSentButRefusedAsInternal() throws Exception {
        TcrpFrame big = new TcrpFrame(Operation.LIST_ROOMS, State.COMPLETE, "", new byte[Limits.MAX_TCRP_PAYLOAD + 1]);
        TcrpFrame ok = TcrpMessages.encodeReply(Operation.LIST_ROOMS, "", Compliance.ok());
        byte[] wire = RequestHandler.wire(Operation.LIST_ROOMS, "", List.of(ok, big));
        assertTrue(wire.length < Limits.MAX_TCRP_PAYLOAD, "nothing of the big frame is sent");
        TcrpHeader h1 = TcrpCodec.decodeHeader(wire, 0, TcrpCodec.HEADER_SIZE);
        TcrpFrame first = TcrpCodec.decodeBody(h1, wire, TcrpCodec.HEADER_SIZE, h1.bodySize());
        int at = TcrpCodec.HEADER_SIZE + h1.bodySize();
        TcrpHeader h2 = TcrpCodec.decodeHeader(wire, at, TcrpCodec.HEADER_SIZE);
        TcrpFrame second = TcrpCodec.decodeBody(h2, wire, at + TcrpCodec.HEADER_SIZE, h2.bodySize());
        assertEquals(wire.length, at + TcrpCodec.HEADER_SIZE + h2.bodySize());
        Compliance c = (Compliance) TcrpMessages.decodeReply(first);
        assertFalse(c.success());
        assertEquals(Optional.of(ErrorCode.INTERNAL), c.error());
        assertEquals(List.of(), ((RoomListing) TcrpMessages.decodeReply(second)).rooms(), "a LIST decoder reads it");
        byte[] join = RequestHandler.wire(Operation.JOIN_ROOM, "r", List.of(ok, big));
        TcrpHeader j1 = TcrpCodec.decodeHeader(join, 0, TcrpCodec.HEADER_SIZE);
        int j = TcrpCodec.HEADER_SIZE + j1.bodySize();
        TcrpHeader j2 = TcrpCodec.decodeHeader(join, j, TcrpCodec.HEADER_SIZE);
        TcrpFrame refusal = TcrpCodec.decodeBody(j2, join, j + TcrpCodec.HEADER_SIZE, j2.bodySize());
        assertEquals(ErrorCode.INTERNAL, ((Refusal) TcrpMessages.decodeReply(refusal)).error());
    }

    @Test
    void anAdmissionWithFiveHundredLongNamesIsShortenedToFitNotRefused() throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // 32 characters of 4 UTF-8 bytes each: the longest a user name can be.
            members.add(new String(Character.toChars(0x20000 + i)) + "\uD83D\uDE00".repeat(31));
        }
        Admission a = new Admission("token_x", "r", members.get(499), false, members.get(0), members, false);
        assertTrue(TcrpMessages.encodeReply(Operation.JOIN_ROOM, "r", a).payload().length > Limits.MAX_TCRP_PAYLOAD,
                "the test needs an admission over the limit");
        TcrpFrame f = RequestHandler.admissionFrame(Operation.JOIN_ROOM, "r", a);
        assertTrue(f.payload().length <= Limits.MAX_TCRP_PAYLOAD);
        Admission decoded = (Admission) TcrpMessages.decodeReply(f);
        assertEquals("token_x", decoded.token());
        assertTrue(decoded.members().size() > 400 && decoded.members().size() < 500, "" + decoded.members().size());
    }

    @Test
    void roomCreationIsRateLimitedPerIpWithAHumanMessageButJoinsAreNot() throws Exception {
        // A rate so slow that no token comes back during the test: the counts are exact.
        AbuseLimits strict = AbuseLimits.defaults().withRoomCreation(5, 0.0001);
        try (ChatServer s = new ChatServer(ServerConfig.forTests(), strict).start()) {
            TcrpClient t = new TcrpClient(s.tcpPort());
            for (int i = 0; i < 5; i++) {
                assertTrue(t.create("room" + i, "alice").ok());
            }
            TcrpClient.Answer refused = t.create("room5", "alice");
            assertFalse(refused.ok());
            assertEquals(ErrorCode.RATE_LIMITED, refused.refusal().error());
            assertTrue(refused.refusal().message().contains("too many new rooms"), refused.refusal().message());
            assertEquals(5, t.list().rooms().size());
            assertTrue(t.join("room0", "bob").ok());
        }
    }

    @Test
    void limiterKeepsKeysApartAndForgetsTheLeastRecentlyUsedBeyondItsBound() {
        PerKeyRateLimiter l = new PerKeyRateLimiter(0.0001, 2, 3);
        assertTrue(l.tryTake("a", 0));
        assertTrue(l.tryTake("a", 0));
        assertFalse(l.tryTake("a", 0));
        assertTrue(l.tryTake("b", 0), "another key has its own bucket");
        assertTrue(l.tryTake("c", 0));
        assertTrue(l.tryTake("d", 0));
        assertEquals(3, l.keys());
    }

    @Test
    void limiterAllowsLooksWithoutTaking() {
        PerKeyRateLimiter l = new PerKeyRateLimiter(1, 1, 3);
        assertTrue(l.allows("a", 0), "a key never seen has its full burst");
        assertTrue(l.allows("a", 0));
        assertTrue(l.tryTake("a", 0));
        assertFalse(l.allows("a", 0));
        assertTrue(l.allows("a", 1000), "refilled at the rate");
    }
}
