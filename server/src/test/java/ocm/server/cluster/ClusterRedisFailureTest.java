package ocm.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.ChatServer;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redis drops the nodes' channel connections, or restarts without its data: the nodes carry on by themselves. */
class ClusterRedisFailureTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private ClusterRig rig;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private ChatServer a;
    private ChatServer b;
    private V2TestClient ann;
    private V2TestClient bob;

    @BeforeEach
    void start() throws Exception {
        rig = new ClusterRig();
        a = rig.node("a");
        b = rig.node("b");
        ann = v2(a, admit(new TcrpClient(a.tcpPort()).create("room", "ann", Optional.empty(), 2)));
        bob = v2(b, admit(new TcrpClient(b.tcpPort()).join("room", "bob", Optional.empty(), 2)));
        for (int i = 0; i < 5; i++) {
            ann.say("before " + i);
        }
        bob.await("bob hears ann", () -> ClusterChatTest.texts(bob).contains("before 4"), WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        rig.close();
    }

    private V2TestClient v2(ChatServer node, Admission x) throws Exception {
        V2TestClient c = new V2TestClient(node.udpPort(), x.room(), x.token(), 200);
        clients.add(c);
        c.register();
        c.awaitRegistered(WAIT);
        return c;
    }

    private static Admission admit(TcrpClient.Answer x) {
        assertTrue(x.ok(), () -> "refused: " + x.refusal());
        return x.admission();
    }

    @Test
    void channelConnectionsKilled_noDuplicateNoGapIdsForward() throws Exception {
        int before = maxId(bob);
        String killed = rig.redis.command("CLIENT", "KILL", "TYPE", "pubsub");
        assertTrue(killed.startsWith(":"), killed);
        for (int i = 0; i < 20; i++) {
            ann.say("after " + i);
            bob.say("bob " + i);
        }
        bob.await("bob hears all of ann's", () -> ClusterChatTest.texts(bob).contains("after 19"), WAIT);
        ann.await("ann hears all of bob's", () -> ClusterChatTest.texts(ann).contains("bob 19"), WAIT);
        assertNoDuplicates(bob);
        assertNoDuplicates(ann);
        for (int i = 0; i < 20; i++) {
            assertTrue(ClusterChatTest.texts(bob).contains("after " + i), "bob missed after " + i);
            assertTrue(ClusterChatTest.texts(ann).contains("bob " + i), "ann missed bob " + i);
        }
        assertTrue(minIdAfter(bob, "after ") > before, "ids went back");
    }

    @Test
    void redisRestartsWithoutItsData_roomsComeBackAndIdsMoveForward() throws Exception {
        int before = maxId(bob);
        rig.redis.restart();
        ann.say("after restart");
        bob.await("bob hears ann after the restart", () -> ClusterChatTest.texts(bob).contains("after restart"), WAIT);
        assertNoDuplicates(bob);
        assertTrue(minIdAfter(bob, "after restart") > before, "ids went back: " + bob.messages());
        // The nodes put the room and their members back: a newcomer joins on either node, names still unique.
        TcrpClient.Answer taken = new TcrpClient(a.tcpPort()).join("room", "bob", Optional.empty(), 2);
        assertEquals(ocm.protocol.ErrorCode.NAME_TAKEN, taken.refusal().error());
        V2TestClient cid = v2(a, admit(new TcrpClient(a.tcpPort()).join("room", "cid", Optional.empty(), 2)));
        bob.say("hello cid");
        cid.await("cid hears bob", () -> ClusterChatTest.texts(cid).contains("hello cid"), WAIT);
    }

    private static void assertNoDuplicates(V2TestClient c) {
        List<Integer> ids = c.messages().stream().map(Packet.ChatMessage::msgId).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicates: " + ids);
    }

    private static int maxId(V2TestClient c) {
        return c.messages().stream().mapToInt(Packet.ChatMessage::msgId).max().orElse(0);
    }

    private static int minIdAfter(V2TestClient c, String prefix) {
        return c.messages().stream().filter(m -> m.text().startsWith(prefix)).mapToInt(Packet.ChatMessage::msgId).min().orElse(-1);
    }
}
