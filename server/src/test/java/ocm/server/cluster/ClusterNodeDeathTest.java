package ocm.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v1.V1ServerMessage;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.ChatServer;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V1TestClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node killed (halt: no goodbye): its members leave everyone's lists, its hosts' rooms close once, the rest go on. */
class ClusterNodeDeathTest {
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
        V2TestClient c = new V2TestClient(node.udpPort(), a.room(), a.token(), 200);
        clients.add(c);
        c.register();
        c.awaitRegistered(WAIT);
        return c;
    }

    private static Admission admit(TcrpClient.Answer a) {
        assertTrue(a.ok(), () -> "refused: " + a.refusal());
        return a.admission();
    }

    @Test
    void aDeadNodesMembersLeaveAndItsHostsRoomsCloseOnce() throws Exception {
        ChatServer a = rig.node("a");
        ChatServer b = rig.node("b");
        ChatServer c = rig.node("c");
        // "onc" is hosted on c; "ona" on a with a member on c.
        V2TestClient cat = v2(c, admit(new TcrpClient(c.tcpPort()).create("onc", "cat", Optional.empty(), 2)));
        V2TestClient ann = v2(a, admit(new TcrpClient(a.tcpPort()).join("onc", "ann", Optional.empty(), 2)));
        Admission vicAdmission = admit(new TcrpClient(a.tcpPort()).join("onc", "vic", Optional.empty(), 1));
        V1TestClient vic = new V1TestClient(a.udpPort(), "onc", vicAdmission.token());
        clients.add(vic);
        vic.register();
        V2TestClient amy = v2(a, admit(new TcrpClient(a.tcpPort()).create("ona", "amy", Optional.empty(), 2)));
        V2TestClient cal = v2(c, admit(new TcrpClient(c.tcpPort()).join("ona", "cal", Optional.empty(), 2)));
        V2TestClient bob = v2(b, admit(new TcrpClient(b.tcpPort()).join("ona", "bob", Optional.empty(), 2)));
        amy.await("cal and bob listed", () -> names(amy).containsAll(List.of("amy", "cal", "bob")), WAIT);
        ann.await("cat, ann, vic listed", () -> names(ann).containsAll(List.of("cat", "ann", "vic")), WAIT);
        cat.say("before");
        vic.awaitChat("cat", "before", WAIT); // vic is registered and hears c's host

        c.halt();

        ann.awaitEnded(WAIT);
        assertEquals(EndReason.HOST_TIMED_OUT, ann.ended().reason());
        vic.awaitRoomClosed(WAIT);
        amy.await("cal gone from amy's list", () -> !names(amy).contains("cal"), WAIT);
        bob.await("cal gone from bob's list", () -> !names(bob).contains("cal"), WAIT);
        // The other room goes on, across the nodes still alive.
        amy.say("still here");
        bob.await("bob hears amy", () -> ClusterChatTest.texts(bob).contains("still here"), WAIT);
        // One close item for "onc", whoever reaped it; vic was told once.
        List<String> closes = closeItems(rig, "onc");
        assertEquals(1, closes.size(), "close items: " + closes);
        assertEquals(1, vic.seen().stream().filter(m -> m instanceof V1ServerMessage.RoomClosed).count());
        assertTrue(new TcrpClient(b.tcpPort()).list().rooms().stream().noneMatch(r -> r.name().equals("onc")));
    }

    static List<String> names(V2TestClient c) {
        return c.members().stream().map(Packet.Member::name).toList();
    }

    /** The close items left in the room's stream (it is kept a minute after the close). */
    static List<String> closeItems(ClusterRig rig, String room) throws Exception {
        List<String> out = new ArrayList<>();
        try (var client = io.lettuce.core.RedisClient.create(rig.redis.uri()); var conn = client.connect()) {
            for (var m : conn.sync().xrange(Keys.log(room), io.lettuce.core.Range.create("-", "+"))) {
                String p = m.getBody().get("p");
                if (Item.parse(p).type() == Item.CLOSE) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
