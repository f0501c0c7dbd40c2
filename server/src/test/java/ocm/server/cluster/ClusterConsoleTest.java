package ocm.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ocm.protocol.ErrorCode;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.EndReason;
import ocm.protocol.ucrp.v2.EventKind;
import ocm.server.ChatServer;
import ocm.server.admin.AdminException;
import ocm.server.admin.NodeView;
import ocm.server.admin.RoomView;
import ocm.server.admin.UserView;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console of any node sees the whole cluster and acts on members and rooms of the other nodes. */
class ClusterConsoleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private ClusterRig rig;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private ChatServer a;
    private ChatServer b;
    private V2TestClient ann;
    private V2TestClient bob;
    private V2TestClient cal;

    @BeforeEach
    void start() throws Exception {
        rig = new ClusterRig();
        a = rig.node("a");
        b = rig.node("b");
        ann = v2(a, admit(new TcrpClient(a.tcpPort()).create("r", "ann", Optional.empty(), 2)));
        bob = v2(b, admit(new TcrpClient(b.tcpPort()).join("r", "bob", Optional.empty(), 2)));
        cal = v2(b, admit(new TcrpClient(b.tcpPort()).join("r", "cal", Optional.empty(), 2)));
        ann.await("three listed", () -> ann.members().size() == 3, WAIT);
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
    void roomsUsersAndNodesOfTheWholeCluster() throws Exception {
        List<RoomView> rooms = a.admin().rooms();
        assertEquals(1, rooms.size());
        assertEquals("r", rooms.get(0).name());
        assertEquals("ann", rooms.get(0).host());
        assertEquals(3, rooms.get(0).members());
        List<UserView> users = a.admin().users(Optional.of("r"));
        assertEquals(3, users.size());
        UserView bobView = users.stream().filter(u -> u.name().equals("bob")).findFirst().orElseThrow();
        assertEquals("on b", bobView.address().get());
        UserView annView = users.stream().filter(u -> u.name().equals("ann")).findFirst().orElseThrow();
        assertTrue(annView.host());
        assertTrue(annView.address().get().matches("127\\.0\\.0\\.1:\\d+ on a"), annView.address().get());
        ann.say("counted");
        bob.await("bob hears it", () -> ClusterChatTest.texts(bob).contains("counted"), WAIT);
        org.awaitility.Awaitility.await("both nodes listed with their members").atMost(WAIT).until(() -> {
            List<NodeView> n = b.admin().nodes();
            return n.size() == 2 && n.get(0).name().equals("a") && n.get(0).members() == 1 && n.get(1).members() == 2;
        });
        AdminException none = assertThrows(AdminException.class, () -> a.admin().users(Optional.of("nope")));
        assertEquals("no room named 'nope'", none.getMessage());
    }

    @Test
    void kickBanSayAndCloseReachOtherNodes() throws Exception {
        a.admin().kick("r", "bob", "bye");
        bob.awaitEnded(WAIT);
        assertEquals(EndReason.KICKED, bob.ended().reason());
        ann.await("bob gone from ann's list", () -> ClusterNodeDeathTest.names(ann).equals(List.of("ann", "cal")), WAIT);

        b.admin().say("r", "hello from b's console");
        ann.await("ann hears the notice", () -> ann.events().stream()
                .anyMatch(e -> e.kind() == EventKind.NOTICE && e.text().equals("hello from b's console")), WAIT);

        assertTrue(a.admin().ban("r", "cal", "no"));
        cal.awaitEnded(WAIT);
        assertEquals(EndReason.BANNED, cal.ended().reason());
        TcrpClient.Answer again = new TcrpClient(a.tcpPort()).join("r", "cal", Optional.empty(), 2);
        assertFalse(again.ok());
        assertEquals(ErrorCode.BANNED, again.refusal().error());
        assertEquals("cal", b.admin().bans("r").get(0).name());

        AdminException missing = assertThrows(AdminException.class, () -> b.admin().kick("r", "zed", ""));
        assertEquals("no member named 'zed' in 'r'", missing.getMessage());

        b.admin().close("r", "done");
        ann.awaitEnded(WAIT);
        assertEquals(EndReason.CLOSED_BY_ADMIN, ann.ended().reason());
        assertTrue(a.admin().rooms().isEmpty());
    }
}
