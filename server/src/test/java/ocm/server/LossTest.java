package ocm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import ocm.protocol.tcrp.Admission;
import ocm.protocol.ucrp.v2.Packet;
import ocm.server.config.ServerConfig;
import ocm.server.testing.LossyUdpProxy;
import ocm.server.testing.TcrpClient;
import ocm.server.testing.V2TestClient;
import org.junit.jupiter.api.Test;

/** Reliable v2 delivery through a lossy, duplicating, reordering path. */
class LossTest {
    static final int MEMBERS = 5;
    static final int EACH = 200;

    @Test
    void everyMemberGetsEveryMessageExactlyOnceInTheSameOrder() throws Exception {
        ServerConfig config = ServerConfig.forTests().withRate(100_000, 100_000);
        try (ChatServer server = new ChatServer(config).start();
             LossyUdpProxy proxy = new LossyUdpProxy(server.udpPort(), LossyUdpProxy.Impairment.of(0.20, 0.05, 0.20, 40), 20261124)) {
            TcrpClient tcrp = new TcrpClient(server.tcpPort());
            List<V2TestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < MEMBERS; i++) {
                    String name = "m" + i;
                    Admission a = i == 0 ? tcrp.create("lossy", name, Optional.empty(), 2).admission()
                            : tcrp.join("lossy", name, Optional.empty(), 2).admission();
                    V2TestClient c = new V2TestClient(proxy.port(), "lossy", a.token(), 500);
                    clients.add(c);
                    c.register();
                }
                for (V2TestClient c : clients) {
                    c.awaitRegistered(Duration.ofSeconds(20));
                }
                for (int n = 0; n < EACH; n++) {
                    for (int i = 0; i < MEMBERS; i++) {
                        clients.get(i).say("m" + i + " #" + n);
                    }
                }
                int expected = (MEMBERS - 1) * EACH;
                for (V2TestClient c : clients) {
                    c.await(expected + " messages", () -> c.messages().size() >= expected, Duration.ofSeconds(60));
                }
                List<List<Integer>> orders = new ArrayList<>();
                for (int i = 0; i < MEMBERS; i++) {
                    V2TestClient c = clients.get(i);
                    List<Packet.ChatMessage> got = c.messages();
                    assertEquals(expected, got.size(), "member m" + i + " got a wrong number of messages");
                    assertEquals(0, c.staleDeliveries(), "member m" + i + " was handed a message twice or out of order");
                    assertEquals(expected, got.stream().map(Packet.ChatMessage::msgId).distinct().count(), "duplicates at m" + i);
                    for (int j = 0; j < MEMBERS; j++) {
                        String sender = "m" + j;
                        List<String> texts = got.stream().filter(m -> m.sender().equals(sender))
                                .map(Packet.ChatMessage::text).collect(Collectors.toList());
                        if (j == i) {
                            assertEquals(List.of(), texts, "m" + i + " got its own messages back");
                            continue;
                        }
                        List<String> want = new ArrayList<>();
                        for (int n = 0; n < EACH; n++) {
                            want.add(sender + " #" + n);
                        }
                        assertEquals(want, texts, "m" + i + " got " + sender + "'s messages wrong");
                    }
                    orders.add(got.stream().map(Packet.ChatMessage::msgId).collect(Collectors.toList()));
                }
                // One order for everyone: msgIds increase for each member, so any two agree on shared messages.
                for (List<Integer> order : orders) {
                    List<Integer> sorted = new ArrayList<>(order);
                    sorted.sort(null);
                    assertEquals(sorted, order);
                }
                assertEquals(true, proxy.dropped.get() > 0, "the proxy dropped nothing: the test tested nothing");
            } finally {
                clients.forEach(V2TestClient::close);
            }
        }
    }
}
