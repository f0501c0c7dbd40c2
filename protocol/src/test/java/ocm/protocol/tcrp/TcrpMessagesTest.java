package ocm.protocol.tcrp;

import static ocm.protocol.Hex.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import ocm.protocol.ErrorCode;
import ocm.protocol.Limits;
import ocm.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/** TCRP requests and replies: round trips, the seed's payloads both ways, and bad JSON refused. */
class TcrpMessagesTest {
    private static final String SEED_TOKEN = "token_0123456789abcdef0123456789abcdef";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static TcrpFrame request(Operation op, String room, String payload) {
        return new TcrpFrame(op, State.REQUEST, room, utf8(payload));
    }

    private static TcrpRequest decodeRequestBytes(byte[] wire) throws ProtocolException {
        return TcrpMessages.decodeRequest(TcrpCodec.decode(wire));
    }

    private static TcrpReply decodeReplyBytes(byte[] wire) throws ProtocolException {
        return TcrpMessages.decodeReply(TcrpCodec.decode(wire));
    }

    // ---- requests ----------------------------------------------------------------------

    @Test
    void seedCreateRequestDecodesToAliceWithoutQuotes() throws ProtocolException {
        TcrpRequest r = decodeRequestBytes(TcrpCodecTest.SEED_CREATE_LOBBY_ALICE);
        assertEquals(new CreateRoom("lobby", "alice", Optional.empty(), 1), r);
    }

    @Test
    void seedStyleRequestEncodesToTheSeedBytes() {
        byte[] wire = TcrpCodec.encode(TcrpMessages.encodeRequest(new CreateRoom("lobby", "alice", Optional.empty(), 1)));
        assertArrayEquals(TcrpCodecTest.SEED_CREATE_LOBBY_ALICE, wire);
    }

    @Test
    void seedJoinRequestDecodes() throws ProtocolException {
        byte[] wire = concat("x:04 02 00", new byte[28], "x:05", "room", "\"bob\"");
        assertEquals(new JoinRoom("room", "bob", Optional.empty(), 1), decodeRequestBytes(wire));
    }

    @Test
    void pythonJsonDumpsOfNonAsciiNameDecodesToTheRealName() throws ProtocolException {
        // json.dumps("アリス") escapes every non-ASCII character: "\u30a2\u30ea\u30b9"
        TcrpRequest r = TcrpMessages.decodeRequest(request(Operation.JOIN_ROOM, "lobby", "\"\\u30a2\\u30ea\\u30b9\""));
        assertEquals(new JoinRoom("lobby", "アリス", Optional.empty(), 1), r);
    }

    @Test
    void rawUtf8NameDecodesToo() throws ProtocolException {
        TcrpRequest r = TcrpMessages.decodeRequest(request(Operation.JOIN_ROOM, "lobby", "\"アリス\""));
        assertEquals(new JoinRoom("lobby", "アリス", Optional.empty(), 1), r);
    }

    @Test
    void richObjectPayloadDecodes() throws ProtocolException {
        TcrpRequest r = TcrpMessages.decodeRequest(request(Operation.JOIN_ROOM, "lobby",
                "{\"username\": \"alice\", \"password\": \"s3cret\", \"protocol\": 2}"));
        assertEquals(new JoinRoom("lobby", "alice", Optional.of("s3cret"), 2), r);
    }

    @Test
    void richObjectDefaultsAndIgnoredFields() throws ProtocolException {
        TcrpRequest r = TcrpMessages.decodeRequest(request(Operation.CREATE_ROOM, "lobby",
                "{\"client\": {\"name\": \"ocm\", \"v\": [1, 2]}, \"username\": \"alice\", \"password\": null}"));
        assertEquals(new CreateRoom("lobby", "alice", Optional.empty(), 2), r);
    }

    @Test
    void richRequestEncodesAsObject() {
        TcrpFrame f = TcrpMessages.encodeRequest(new JoinRoom("lobby", "alice", Optional.of("pw"), 2));
        assertEquals("{\"username\":\"alice\",\"password\":\"pw\",\"protocol\":2}",
                new String(f.payload(), StandardCharsets.UTF_8));
        assertEquals(Operation.JOIN_ROOM, f.operation());
        assertEquals(State.REQUEST, f.state());
        assertEquals("lobby", f.roomName());
    }

    @Test
    void listRoomsEncodesWithEmptyRoomAndEmptyObject() throws ProtocolException {
        TcrpFrame f = TcrpMessages.encodeRequest(new ListRooms());
        byte[] wire = TcrpCodec.encode(f);
        assertArrayEquals(concat("x:00 03 00", new byte[28], "x:02", "{}"), wire);
        assertEquals(new ListRooms(), decodeRequestBytes(wire));
    }

    @Test
    void everyRequestRoundTrips() throws ProtocolException {
        List<TcrpRequest> requests = List.of(
                new CreateRoom("lobby", "alice", Optional.empty(), 1),
                new CreateRoom("lobby", "alice", Optional.empty(), 2),
                new CreateRoom("ロビー", "アリス", Optional.of("p\"w\\"), 2),
                new CreateRoom("lobby", "alice", Optional.of("pw"), 1),
                new JoinRoom("lobby", "bob", Optional.empty(), 1),
                new JoinRoom("lobby", "bob", Optional.of(""), 2),
                new JoinRoom("lobby", "bob 😀", Optional.of("pässwörd"), 3),
                new ListRooms());
        for (TcrpRequest r : requests) {
            byte[] wire = TcrpCodec.encode(TcrpMessages.encodeRequest(r));
            assertEquals(r, decodeRequestBytes(wire));
        }
    }

    // ---- malformed requests ------------------------------------------------------------

    private static ProtocolException badRequest(String payload) {
        return assertThrows(ProtocolException.class,
                () -> TcrpMessages.decodeRequest(request(Operation.CREATE_ROOM, "lobby", payload)));
    }

    @Test
    void payloadThatIsNotJsonIsRefused() {
        assertTrue(badRequest("alice").getMessage().startsWith("request payload is not valid JSON"));
        assertTrue(badRequest("").getMessage().startsWith("request payload is not valid JSON"));
        assertTrue(badRequest("\"alice").getMessage().startsWith("request payload is not valid JSON"));
        assertTrue(badRequest("{\"username\": \"alice\"").getMessage().startsWith("request payload is not valid JSON"));
    }

    @Test
    void invalidJsonSaysWhereInPlainWords() {
        assertEquals("request payload is not valid JSON (near character 14)", badRequest("{\"username\": al").getMessage());
        assertEquals("request payload is not valid JSON (near character 4)", badRequest("{\n,").getMessage());
        for (String bad : new String[] {"alice", "", "{\"username\": \"alice\"", "{\"username\": \"a\", \"protocol\": 1.5}"}) {
            String message = badRequest(bad).getMessage();
            assertTrue(message.matches("request payload is not valid JSON( \\(near character \\d+\\))?"), message);
        }
    }

    @Test
    void jsonNumberArrayOrBooleanIsRefused() {
        assertEquals("request payload must be a JSON string (the user name) or object, not number",
                badRequest("42").getMessage());
        assertEquals("request payload must be a JSON string (the user name) or object, not begin array",
                badRequest("[\"alice\"]").getMessage());
        assertTrue(badRequest("true").getMessage().contains("not boolean"));
        assertTrue(badRequest("null").getMessage().contains("not null"));
    }

    @Test
    void objectWithoutUsernameIsRefused() {
        assertEquals("request payload has no \"username\"", badRequest("{\"user\": \"alice\"}").getMessage());
        assertEquals("request payload has no \"username\"", badRequest("{}").getMessage());
    }

    @Test
    void wronglyTypedFieldsAreRefused() {
        assertEquals("\"username\" must be a string", badRequest("{\"username\": 5}").getMessage());
        assertEquals("\"username\" must be a string", badRequest("{\"username\": null}").getMessage());
        assertEquals("\"password\" must be a string", badRequest("{\"username\": \"a\", \"password\": 1}").getMessage());
        assertEquals("\"protocol\" must be a number", badRequest("{\"username\": \"a\", \"protocol\": \"2\"}").getMessage());
        assertTrue(badRequest("{\"username\": \"a\", \"protocol\": 1.5}").getMessage().startsWith("request payload is not valid JSON"));
        assertTrue(badRequest("{\"username\": \"a\", \"protocol\": 99999999999}").getMessage().startsWith("request payload is not valid JSON"));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertTrue(badRequest("{\"username\": \"a\", \"x\": " + deep + "}").getMessage()
                .startsWith("request payload is not valid JSON"));
        String open = "{\"a\":".repeat(50_000);
        assertTrue(badRequest(open).getMessage().startsWith("request payload is not valid JSON"));
    }

    @Test
    void trailingGarbageIsRefused() {
        badRequest("\"alice\"x");
        badRequest("\"alice\" \"bob\"");
        badRequest("{\"username\": \"alice\"} {}");
        badRequest("{\"username\": \"alice\"}}");
    }

    @Test
    void invalidUtf8PayloadIsRefused() {
        TcrpFrame f = new TcrpFrame(Operation.CREATE_ROOM, State.REQUEST, "lobby", concat("x:22 c3 28 22"));
        ProtocolException e = assertThrows(ProtocolException.class, () -> TcrpMessages.decodeRequest(f));
        assertEquals("TCRP payload is not valid UTF-8", e.getMessage());
    }

    @Test
    void replyFrameIsNotARequest() {
        TcrpFrame f = new TcrpFrame(Operation.CREATE_ROOM, State.COMPLIANCE, "lobby", utf8("\"alice\""));
        ProtocolException e = assertThrows(ProtocolException.class, () -> TcrpMessages.decodeRequest(f));
        assertEquals("expected a request (state 0), got state 1", e.getMessage());
    }

    // ---- replies -----------------------------------------------------------------------

    @Test
    void complianceOkHasTheSeedPayload() {
        TcrpFrame f = TcrpMessages.encodeReply(Operation.CREATE_ROOM, "lobby", Compliance.ok());
        assertArrayEquals(concat("x:05 01 01", new byte[28], "x:0d", "lobby", "{\"success\":1}"), TcrpCodec.encode(f));
    }

    @Test
    void complianceRefusedCarriesSuccessZeroErrorAndMessage() {
        TcrpFrame f = TcrpMessages.encodeReply(Operation.JOIN_ROOM, "lobby",
                Compliance.refused(ErrorCode.NO_SUCH_ROOM, "no room lobby"));
        String json = "{\"success\":0,\"error\":\"NO_SUCH_ROOM\",\"message\":\"no room lobby\"}";
        assertArrayEquals(concat("x:05 02 01", new byte[28], new byte[] {(byte) json.length()}, "lobby", json),
                TcrpCodec.encode(f));
    }

    @Test
    void admissionHasTheTokenFirst() {
        Admission a = new Admission(SEED_TOKEN, "lobby", "alice", true, "alice", List.of("alice"), false);
        TcrpFrame f = TcrpMessages.encodeReply(Operation.CREATE_ROOM, "lobby", a);
        assertEquals(State.COMPLETE, f.state());
        assertEquals("{\"token\":\"" + SEED_TOKEN + "\",\"room\":\"lobby\",\"username\":\"alice\",\"host\":true,"
                + "\"hostName\":\"alice\",\"members\":[\"alice\"],\"locked\":false}",
                new String(f.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void refusalHasAnEmptyToken() {
        TcrpFrame f = TcrpMessages.encodeReply(Operation.CREATE_ROOM, "lobby", new Refusal(ErrorCode.ROOM_EXISTS, "taken"));
        assertEquals("{\"token\":\"\",\"error\":\"ROOM_EXISTS\",\"message\":\"taken\"}",
                new String(f.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void seedServerRepliesDecode() throws ProtocolException {
        // As the seed's Python server writes them: json.dumps, so ": " with a space.
        byte[] ok = concat("x:05 01 01", new byte[28], "x:0e", "lobby", "{\"success\": 1}");
        assertEquals(Compliance.ok(), decodeReplyBytes(ok));
        byte[] no = concat("x:05 01 01", new byte[28], "x:0e", "lobby", "{\"success\": 0}");
        assertEquals(new Compliance(false, Optional.empty(), ""), decodeReplyBytes(no));
        String tokenJson = "{\"token\": \"" + SEED_TOKEN + "\"}";
        byte[] token = concat("x:05 01 02", new byte[28], new byte[] {(byte) tokenJson.length()}, "lobby", tokenJson);
        assertEquals(51, tokenJson.length());
        TcrpReply r = decodeReplyBytes(token);
        Admission a = assertInstanceOf(Admission.class, r);
        assertEquals(SEED_TOKEN, a.token());
        assertEquals("lobby", a.room());
        byte[] empty = concat("x:05 01 02", new byte[28], "x:0d", "lobby", "{\"token\": \"\"}");
        assertEquals(new Refusal(ErrorCode.BAD_REQUEST, "refused"), decodeReplyBytes(empty));
    }

    @Test
    void repliesWithEmptyRoomNameDecode() throws ProtocolException {
        byte[] ok = concat("x:00 01 01", new byte[28], "x:0e", "{\"success\": 1}");
        assertEquals(Compliance.ok(), decodeReplyBytes(ok));
    }

    @Test
    void successIsReadAsATruthValue() throws ProtocolException {
        assertEquals(true, compliance("{\"success\": true}").success());
        assertEquals(true, compliance("{\"success\": 2}").success());
        assertEquals(false, compliance("{\"success\": false}").success());
        assertEquals(false, compliance("{\"success\": null}").success());
        assertEquals(false, compliance("{}").success());
        assertEquals(Optional.empty(), compliance("{\"success\": 0, \"error\": \"NO_SUCH_CODE\"}").error());
    }

    private static Compliance compliance(String json) throws ProtocolException {
        return (Compliance) TcrpMessages.decodeReply(new TcrpFrame(Operation.CREATE_ROOM, State.COMPLIANCE, "r", utf8(json)));
    }

    @Test
    void everyReplyRoundTrips() throws ProtocolException {
        List<TcrpReply> replies = List.of(
                Compliance.ok(),
                Compliance.refused(ErrorCode.WRONG_PASSWORD, "wrong password"),
                new Compliance(false, Optional.empty(), "no reason code"),
                new Admission(SEED_TOKEN, "lobby", "alice", true, "alice", List.of("alice"), false),
                new Admission("t", "ロビー", "bob", false, "アリス", List.of("アリス", "bob"), true),
                new Refusal(ErrorCode.BANNED, "you are banned"));
        for (TcrpReply r : replies) {
            for (Operation op : new Operation[] {Operation.CREATE_ROOM, Operation.JOIN_ROOM}) {
                byte[] wire = TcrpCodec.encode(TcrpMessages.encodeReply(op, "lobby", r));
                assertEquals(r, decodeReplyBytes(wire));
            }
        }
        RoomListing listing = new RoomListing(List.of(
                new RoomListing.RoomSummary("lobby", "alice", 3, false),
                new RoomListing.RoomSummary("秘密", "bob", 1, true)));
        RoomListing cut = new RoomListing(listing.rooms(), 7);
        for (RoomListing l : List.of(listing, new RoomListing(List.of()), cut)) {
            byte[] wire = TcrpCodec.encode(TcrpMessages.encodeReply(Operation.LIST_ROOMS, "", l));
            assertEquals(l, decodeReplyBytes(wire));
        }
        assertFalse(new String(TcrpMessages.encodeReply(Operation.LIST_ROOMS, "", listing).payload(),
                java.nio.charset.StandardCharsets.UTF_8).contains("more"), "a whole list says nothing of more");
        byte[] listCompliance = TcrpCodec.encode(TcrpMessages.encodeReply(Operation.LIST_ROOMS, "", Compliance.ok()));
        assertEquals(Compliance.ok(), decodeReplyBytes(listCompliance));
    }

    @Test
    void aLongRoomListIsCutToFitThePayloadLimitAndCountsWhatWasLeftOut() throws Exception {
        List<RoomListing.RoomSummary> rooms = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rooms.add(new RoomListing.RoomSummary(String.format("%03d", i) + "r".repeat(252), "host" + i, i % 7, i % 2 == 0));
        }
        RoomListing fitted = TcrpMessages.fitListing(rooms, Limits.MAX_TCRP_PAYLOAD);
        assertTrue(fitted.more() > 0, "400 rooms of 255-byte names cannot fit");
        assertEquals(rooms.size(), fitted.rooms().size() + fitted.more());
        assertEquals(rooms.subList(0, fitted.rooms().size()), fitted.rooms(), "the given order, a prefix");
        TcrpFrame frame = TcrpMessages.encodeReply(Operation.LIST_ROOMS, "", fitted);
        assertTrue(frame.payload().length <= Limits.MAX_TCRP_PAYLOAD, frame.payload().length + " bytes");
        assertEquals(fitted, decodeReplyBytes(TcrpCodec.encode(frame)));
        RoomListing whole = TcrpMessages.fitListing(rooms.subList(0, 3), Limits.MAX_TCRP_PAYLOAD);
        assertEquals(new RoomListing(rooms.subList(0, 3)), whole);
    }

    // ---- malformed replies -------------------------------------------------------------

    private static ProtocolException badReply(Operation op, State st, String json) {
        return assertThrows(ProtocolException.class,
                () -> TcrpMessages.decodeReply(new TcrpFrame(op, st, "lobby", utf8(json))));
    }

    @Test
    void malformedRepliesAreRefused() {
        assertEquals("reply payload is not valid JSON", badReply(Operation.CREATE_ROOM, State.COMPLIANCE, "{").getMessage());
        assertEquals("reply payload must be a JSON object", badReply(Operation.CREATE_ROOM, State.COMPLETE, "").getMessage());
        badReply(Operation.CREATE_ROOM, State.COMPLIANCE, "[1]");
        badReply(Operation.CREATE_ROOM, State.COMPLIANCE, "\"yes\"");
        badReply(Operation.CREATE_ROOM, State.COMPLETE, "[".repeat(100_000) + "]".repeat(100_000));
        badReply(Operation.CREATE_ROOM, State.COMPLETE, "{\"a\":".repeat(100_000));
        badReply(Operation.CREATE_ROOM, State.COMPLETE, "{\"token\": {}}");
        badReply(Operation.CREATE_ROOM, State.COMPLETE, "{\"token\": \"t\", \"members\": 5}");
        badReply(Operation.CREATE_ROOM, State.COMPLIANCE, "{\"success\": 1, \"error\": null}");
        badReply(Operation.LIST_ROOMS, State.COMPLETE, "{}");
        badReply(Operation.LIST_ROOMS, State.COMPLETE, "{\"rooms\": [{\"name\": \"a\"}]}");
        badReply(Operation.LIST_ROOMS, State.COMPLETE, "{\"rooms\": [{\"name\": \"a\", \"host\": \"b\", \"members\": \"many\", \"locked\": false}]}");
        assertEquals("expected a reply (state 1 or 2), got a request",
                badReply(Operation.CREATE_ROOM, State.REQUEST, "{\"token\": \"t\"}").getMessage());
    }

    @Test
    void invalidUtf8ReplyIsRefused() {
        TcrpFrame f = new TcrpFrame(Operation.CREATE_ROOM, State.COMPLIANCE, "lobby", concat("{\"success\":1,\"x\":\"", "x:ff", "\"}"));
        assertThrows(ProtocolException.class, () -> TcrpMessages.decodeReply(f));
    }
}
