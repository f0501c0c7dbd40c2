package ocm.protocol.tcrp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ocm.protocol.ErrorCode;
import ocm.protocol.ProtocolException;
import ocm.protocol.Utf8;

/**
 * TCRP requests and replies to and from frames. The request payload is either the seed's bare JSON
 * string (the user name, quotes included) or an OCM object:
 * {@code {"username": "alice", "password": "pw", "protocol": 2}}.
 */
public final class TcrpMessages {
    private TcrpMessages() {
    }

    // ---- requests -------------------------------------------------------------------------

    public static TcrpFrame encodeRequest(TcrpRequest request) {
        if (request instanceof ListRooms) {
            return new TcrpFrame(Operation.LIST_ROOMS, State.REQUEST, "", Utf8.encode("{}"));
        }
        String room;
        String user;
        Optional<String> password;
        int protocol;
        if (request instanceof CreateRoom c) {
            room = c.room();
            user = c.username();
            password = c.password();
            protocol = c.protocol();
        } else {
            JoinRoom j = (JoinRoom) request;
            room = j.room();
            user = j.username();
            password = j.password();
            protocol = j.protocol();
        }
        String json;
        if (protocol <= 1 && password.isEmpty()) {
            json = new com.google.gson.JsonPrimitive(user).toString(); // the seed's exact form
        } else {
            JsonObject o = new JsonObject();
            o.addProperty("username", user);
            password.ifPresent(p -> o.addProperty("password", p));
            o.addProperty("protocol", protocol);
            json = o.toString();
        }
        return new TcrpFrame(request.operation(), State.REQUEST, room, Utf8.encode(json));
    }

    public static TcrpRequest decodeRequest(TcrpFrame frame) throws ProtocolException {
        if (frame.state() != State.REQUEST) {
            throw new ProtocolException("expected a request (state 0), got state " + frame.state().code());
        }
        if (frame.operation() == Operation.LIST_ROOMS) {
            return new ListRooms();
        }
        RequestBody body = parseRequestBody(TcrpCodec.payloadText(frame));
        if (frame.operation() == Operation.CREATE_ROOM) {
            return new CreateRoom(frame.roomName(), body.username, body.password, body.protocol);
        }
        return new JoinRoom(frame.roomName(), body.username, body.password, body.protocol);
    }

    private record RequestBody(String username, Optional<String> password, int protocol) {
    }

    /** Streams the payload so nesting or size in ignored fields cannot cost more than skipping. */
    private static RequestBody parseRequestBody(String json) throws ProtocolException {
        JsonReader reader = new JsonReader(new StringReader(json));
        try (reader) {
            JsonToken first = reader.peek();
            RequestBody body;
            if (first == JsonToken.STRING) {
                body = new RequestBody(reader.nextString(), Optional.empty(), 1);
            } else if (first == JsonToken.BEGIN_OBJECT) {
                body = parseObject(reader);
            } else {
                throw new ProtocolException("request payload must be a JSON string (the user name) or object, not " + describe(first));
            }
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ProtocolException("request payload has data after its JSON value");
            }
            return body;
        } catch (IOException | RuntimeException e) {
            // Gson's own text tells a developer how to configure Gson; the client needs to know where its JSON broke.
            throw new ProtocolException("request payload is not valid JSON" + where(reader, json));
        }
    }

    private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+)");

    /** " (near character N)", N counted from 1 in the payload, from where the reader stopped; empty if unknown. */
    private static String where(JsonReader reader, String json) {
        Matcher m = LOCATION.matcher(reader.toString());
        if (!m.find()) {
            return "";
        }
        try {
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            int lineStart = 0;
            for (int l = 1; l < line; l++) {
                lineStart = json.indexOf('\n', lineStart) + 1;
                if (lineStart == 0) {
                    return "";
                }
            }
            return " (near character " + Math.min(lineStart + column, json.length() + 1) + ")";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static RequestBody parseObject(JsonReader reader) throws IOException, ProtocolException {
        String username = null;
        String password = null;
        int protocol = 2;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "username":
                    username = expectString(reader, name);
                    break;
                case "password":
                    if (reader.peek() == JsonToken.NULL) {
                        reader.nextNull();
                    } else {
                        password = expectString(reader, name);
                    }
                    break;
                case "protocol":
                    if (reader.peek() != JsonToken.NUMBER) {
                        throw new ProtocolException("\"protocol\" must be a number");
                    }
                    protocol = reader.nextInt();
                    break;
                default:
                    reader.skipValue();
            }
        }
        reader.endObject();
        if (username == null) {
            throw new ProtocolException("request payload has no \"username\"");
        }
        return new RequestBody(username, Optional.ofNullable(password), protocol);
    }

    private static String expectString(JsonReader reader, String field) throws IOException, ProtocolException {
        if (reader.peek() != JsonToken.STRING) {
            throw new ProtocolException("\"" + field + "\" must be a string");
        }
        return reader.nextString();
    }

    // ---- replies --------------------------------------------------------------------------

    public static TcrpFrame encodeReply(Operation operation, String roomName, TcrpReply reply) {
        JsonObject o = new JsonObject();
        if (reply instanceof Compliance c) {
            o.addProperty("success", c.success() ? 1 : 0);
            c.error().ifPresent(e -> o.addProperty("error", e.name()));
            if (!c.success()) {
                o.addProperty("message", c.message());
            }
        } else if (reply instanceof Admission a) {
            o.addProperty("token", a.token());
            o.addProperty("room", a.room());
            o.addProperty("username", a.username());
            o.addProperty("host", a.host());
            o.addProperty("hostName", a.hostName());
            JsonArray members = new JsonArray();
            a.members().forEach(members::add);
            o.add("members", members);
            o.addProperty("locked", a.locked());
        } else if (reply instanceof Refusal r) {
            o.addProperty("token", "");
            o.addProperty("error", r.error().name());
            o.addProperty("message", r.message());
        } else {
            RoomListing l = (RoomListing) reply;
            JsonArray rooms = new JsonArray();
            for (RoomListing.RoomSummary s : l.rooms()) {
                rooms.add(roomJson(s));
            }
            o.add("rooms", rooms);
            if (l.more() > 0) {
                o.addProperty("more", l.more());
            }
        }
        return new TcrpFrame(operation, reply.state(), roomName, Utf8.encode(o.toString()));
    }

    /** Room for {@code ,"more":2147483647} beside the rooms. */
    private static final int MORE_RESERVE = 20;

    /**
     * The rooms, in the order given, as many as fit a LIST_ROOMS payload of at most
     * {@code maxPayloadBytes}; the rest are counted in {@link RoomListing#more()}.
     */
    public static RoomListing fitListing(List<RoomListing.RoomSummary> rooms, int maxPayloadBytes) {
        int used = "{\"rooms\":[]}".length() + MORE_RESERVE;
        List<RoomListing.RoomSummary> shown = new ArrayList<>();
        for (RoomListing.RoomSummary s : rooms) {
            int bytes = Utf8.encode(roomJson(s).toString()).length + (shown.isEmpty() ? 0 : 1);
            if (used + bytes > maxPayloadBytes) {
                break;
            }
            shown.add(s);
            used += bytes;
        }
        return new RoomListing(shown, rooms.size() - shown.size());
    }

    private static JsonObject roomJson(RoomListing.RoomSummary s) {
        JsonObject r = new JsonObject();
        r.addProperty("name", s.name());
        r.addProperty("host", s.host());
        r.addProperty("members", s.members());
        r.addProperty("locked", s.locked());
        return r;
    }

    /** Decodes a server reply; which record depends on the state, the operation and the token. */
    public static TcrpReply decodeReply(TcrpFrame frame) throws ProtocolException {
        JsonObject o = parseObject(TcrpCodec.payloadText(frame));
        try {
            if (frame.state() == State.COMPLIANCE) {
                boolean success = truthy(o.get("success"));
                Optional<ErrorCode> error = o.has("error") ? ErrorCode.ofName(o.get("error").getAsString()) : Optional.empty();
                String message = o.has("message") ? o.get("message").getAsString() : "";
                return new Compliance(success, error, message);
            }
            if (frame.state() != State.COMPLETE) {
                throw new ProtocolException("expected a reply (state 1 or 2), got a request");
            }
            if (frame.operation() == Operation.LIST_ROOMS) {
                List<RoomListing.RoomSummary> rooms = new ArrayList<>();
                for (JsonElement e : o.getAsJsonArray("rooms")) {
                    JsonObject r = e.getAsJsonObject();
                    rooms.add(new RoomListing.RoomSummary(r.get("name").getAsString(), r.get("host").getAsString(),
                            r.get("members").getAsInt(), r.get("locked").getAsBoolean()));
                }
                int more = o.has("more") ? Math.max(0, o.get("more").getAsInt()) : 0;
                return new RoomListing(rooms, more);
            }
            String token = o.has("token") ? o.get("token").getAsString() : "";
            if (token.isEmpty()) {
                ErrorCode code = o.has("error") ? ErrorCode.ofName(o.get("error").getAsString()).orElse(ErrorCode.BAD_REQUEST)
                        : ErrorCode.BAD_REQUEST;
                String message = o.has("message") ? o.get("message").getAsString() : "refused";
                return new Refusal(code, message);
            }
            List<String> members = new ArrayList<>();
            if (o.has("members")) {
                for (JsonElement e : o.getAsJsonArray("members")) {
                    members.add(e.getAsString());
                }
            }
            String room = o.has("room") ? o.get("room").getAsString() : frame.roomName();
            String user = o.has("username") ? o.get("username").getAsString() : "";
            boolean host = o.has("host") && o.get("host").getAsBoolean();
            String hostName = o.has("hostName") ? o.get("hostName").getAsString() : "";
            boolean locked = o.has("locked") && o.get("locked").getAsBoolean();
            return new Admission(token, room, user, host, hostName, members, locked);
        } catch (RuntimeException e) {
            throw new ProtocolException("reply payload has an unexpected shape: " + firstLine(e.getMessage()));
        }
    }

    private static JsonObject parseObject(String json) throws ProtocolException {
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new ProtocolException("reply payload must be a JSON object");
            }
            return e.getAsJsonObject();
        } catch (RuntimeException | StackOverflowError e) {
            throw new ProtocolException("reply payload is not valid JSON");
        }
    }

    /** The seed sends 1/0; accept true/false and any non-zero number too. */
    private static boolean truthy(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble() != 0;
        }
        return false;
    }

    private static String describe(JsonToken token) {
        return token.name().toLowerCase().replace('_', ' ');
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
