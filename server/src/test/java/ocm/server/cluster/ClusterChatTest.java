package ocm.server.cluster;

import static ocm.server.testing.Waiting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v1.V1ServerMessage;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.ChatServer;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three nodes sharing rooms through a real Redis: one order, one id sequence, everyone once. */
class ClusterChatTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private ClusterRig rig;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rig = new ClusterRig();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        rig.close();
    }

    private V2TestClient v2(ChatServer node, Admission a) throws Exception {
        V2TestClient c = new V2TestClient(node.udpPort(), a.room(), a.token());
        clients.add(c);
        c.register();
        c.awaitRegistered(WAIT);
        return c;
    }

    private V1TestClient v1(ChatServer node, Admission a) throws Exception {
        V1TestClient c = new V1TestClient(node.udpPort(), a.room(), a.token());
        clients.add(c);
        c.register();
        return c;
    }

    private static Admission join(ChatServer node, String room, String user, int protocol) throws Exception {
        TcrpClient.Answer a = new TcrpClient(node.tcpPort()).join(room, user, Optional.empty(), protocol);
        assertTrue(a.ok(), () -> "join " + user + " refused: " + a.refusal());
        return a.admission();
    }

    @Test
    void membersOnThreeNodesSeeEveryMessageOnceWithOneIdSequence() throws Exception {
        ChatServer a = rig.node("a");
        ChatServer b = rig.node("b");
        ChatServer c = rig.node("c");
        TcrpClient.Answer created = new TcrpClient(a.tcpPort()).create("lobby", "ann", Optional.empty(), 2);
        assertTrue(created.ok(), () -> "create refused: " + created.refusal());
        V2TestClient ann = v2(a, created.admission());
        V2TestClient bob = v2(b, join(b, "lobby", "bob", 2));
        V2TestClient cat = v2(c, join(c, "lobby", "cat", 2));
        V1TestClient vic = v1(b, join(b, "lobby", "vic", 1));
        V1TestClient val = v1(c, join(c, "lobby", "val", 1));
        Map<String, V2TestClient> v2s = Map.of("ann", ann, "bob", bob, "cat", cat);
        for (V2TestClient m : v2s.values()) {
            m.await("five members in the list", () -> m.members().size() == 5, WAIT);
        }
        // v1 members are registered once their first chat is relayed: each says hello and waits to hear itself echoed nowhere, so
        // prove registration by a v2 member hearing it.
        vic.sendText("vic here");
        val.sendText("val here");
        ann.await("both v1 greetings", () -> texts(ann).containsAll(List.of("vic here", "val here")), WAIT);

        int perSender = 15;
        for (int i = 0; i < perSender; i++) {
            ann.say("ann " + i);
            bob.say("bob " + i);
            cat.say("cat " + i);
            vic.sendText("vic " + i);
            val.sendText("val " + i);
        }
        Set<String> all = new HashSet<>();
        for (String s : List.of("ann", "bob", "cat", "vic", "val")) {
            for (int i = 0; i < perSender; i++) {
                all.add(s + " " + i);
            }
        }
        all.addAll(List.of("vic here", "val here"));
        for (Map.Entry<String, V2TestClient> e : v2s.entrySet()) {
            String me = e.getKey();
            V2TestClient m = e.getValue();
            Set<String> others = all.stream().filter(t -> !t.startsWith(me + " ")).collect(Collectors.toSet());
            m.await(me + " hears everyone else", () -> new HashSet<>(texts(m)).containsAll(others), WAIT);
            m.await(me + " has every Accepted", () -> m.accepted().stream().filter(x -> x.msgId() > 0).count() == perSender, WAIT);
        }
        // One id per message, the same everywhere: each member's view (others' messages plus its own Accepted) is the same map.
        Map<Integer, String> reference = null;
        for (Map.Entry<String, V2TestClient> e : v2s.entrySet()) {
            Map<Integer, String> view = view(e.getKey(), e.getValue());
            List<String> received = texts(e.getValue());
            assertEquals(received.size(), new HashSet<>(received).size(), e.getKey() + " got a message twice: " + received);
            if (reference == null) {
                reference = view;
            } else {
                assertEquals(reference.keySet(), view.keySet(), "ids seen by " + e.getKey());
            }
        }
        // No gaps: the ids are consecutive.
        List<Integer> ids = new ArrayList<>(reference.keySet());
        assertEquals(ids.get(ids.size() - 1) - ids.get(0) + 1, ids.size(), "ids with a gap: " + ids);
        assertEquals(all.size(), ids.size());
        // v1 members hear everything but their own, once each.
        for (V1TestClient v : List.of(vic, val)) {
            String me = v == vic ? "vic" : "val";
            Set<String> expected = all.stream().filter(t -> !t.startsWith(me + " ")).collect(Collectors.toSet());
            await(me + " hears everyone else").until(() -> v1Texts(v).containsAll(expected));
            List<String> got = v1Texts(v).stream().filter(all::contains).toList();
            assertEquals(got.size(), new HashSet<>(got).size(), me + " got a message twice");
        }
        // And per sender, everyone saw the same order (ids are the order).
        assertEquals(orderOf(reference, "bob"), orderOf(view("ann", ann), "bob"));
    }

    @Test
    void twoNodesCreatingOneRoomAtOnce_oneWinsTheOtherIsToldWhy() throws Exception {
        ChatServer a = rig.node("a");
        ChatServer b = rig.node("b");
        for (int round = 0; round < 5; round++) {
            String room = "race" + round;
            TcrpClient.Answer[] answers = new TcrpClient.Answer[2];
            Thread t1 = new Thread(() -> answers[0] = quietly(() -> new TcrpClient(a.tcpPort()).create(room, "x", Optional.empty(), 2)));
            Thread t2 = new Thread(() -> answers[1] = quietly(() -> new TcrpClient(b.tcpPort()).create(room, "y", Optional.empty(), 2)));
            t1.start();
            t2.start();
            t1.join();
            t2.join();
            assertTrue(answers[0].ok() ^ answers[1].ok(), "exactly one create wins in round " + round);
            TcrpClient.Answer lost = answers[0].ok() ? answers[1] : answers[0];
            assertEquals(ErrorCode.ROOM_EXISTS, lost.refusal().error());
            assertTrue(lost.refusal().message().contains("already exists"), lost.refusal().message());
        }
        // A name is taken across nodes too.
        new TcrpClient(a.tcpPort()).create("names", "host", Optional.empty(), 2);
        assertTrue(new TcrpClient(a.tcpPort()).join("names", "zed", Optional.empty(), 2).ok());
        TcrpClient.Answer again = new TcrpClient(b.tcpPort()).join("names", "zed", Optional.empty(), 2);
        assertFalse(again.ok());
        assertEquals(ErrorCode.NAME_TAKEN, again.refusal().error());
        // And every node lists every room.
        Set<String> listed = new TcrpClient(b.tcpPort()).list().rooms().stream().map(r -> r.name()).collect(Collectors.toSet());
        assertTrue(listed.containsAll(List.of("race0", "race4", "names")), listed.toString());
    }

    interface Io<T> {
        T get() throws Exception;
    }

    private static <T> T quietly(Io<T> io) {
        try {
            return io.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> texts(V2TestClient c) {
        return c.messages().stream().map(Packet.ChatMessage::text).toList();
    }

    static Set<String> v1Texts(V1TestClient c) {
        Set<String> out = new HashSet<>();
        for (V1ServerMessage m : c.seen()) {
            if (m instanceof V1ServerMessage.Chat ch) {
                out.add(ch.text());
            }
        }
        return out;
    }

    /** What one member knows: id -> "sender: text", from what it received and the ids of its own chats. */
    private static Map<Integer, String> view(String me, V2TestClient c) {
        Map<Integer, String> v = new TreeMap<>();
        for (Packet.ChatMessage m : c.messages()) {
            v.put(m.msgId(), m.sender() + ": " + m.text());
        }
        for (Packet.Accepted x : c.accepted()) {
            if (x.msgId() > 0) {
                v.put(x.msgId(), me + ": (own)");
            }
        }
        return v;
    }

    private static List<Integer> orderOf(Map<Integer, String> view, String sender) {
        return view.entrySet().stream().filter(e -> e.getValue().startsWith(sender + ": ")).map(Map.Entry::getKey).toList();
    }
}
