package ocm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private record Run(int exit, String out, String err, BenchReport report) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BenchCommand command = new BenchCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), command.report());
    }

    private static Run againstStub(StubRelay stub, String protocol) {
        return run("--server", "127.0.0.1", "--tcp-port", "" + stub.tcpPort(), "--udp-port", "" + stub.udpPort(),
                "--protocol", protocol, "--rooms", "2", "--members", "4", "--senders", "2",
                "--rate", "100", "--duration", "1", "--warmup", "0.3", "--json");
    }

    @Test
    void v1RunAgainstAStubRelayCountsEveryDelivery() throws Exception {
        try (StubRelay stub = new StubRelay()) {
            Run r = againstStub(stub, "v1");
            assertEquals(0, r.exit(), r.err());
            StepResult s = r.report().result();
            assertTrue(s.sent() > 0, "sent " + s.sent());
            assertEquals(s.sent() * 3, s.expected());
            assertEquals(s.expected(), s.delivered());
            assertTrue(r.out().startsWith("{") && r.out().contains("\"delivered\":" + s.delivered()), r.out());
        }
    }

    @Test
    void v2RunAgainstAStubRelayRegistersAcksAndCountsEveryDelivery() throws Exception {
        try (StubRelay stub = new StubRelay()) {
            Run r = againstStub(stub, "v2");
            assertEquals(0, r.exit(), r.err());
            StepResult s = r.report().result();
            assertTrue(s.sent() > 0, "sent " + s.sent());
            // Each chat once, even if a loaded machine made the bench send some again.
            assertEquals(s.expected(), s.delivered());
        }
    }

    @Test
    void membersSpreadOverClusterNodesGetEveryMessage() throws Exception {
        try (ocm.server.testing.RedisProcess redis = ocm.server.testing.RedisProcess.start()) {
            java.util.List<ocm.server.ChatServer> nodes = new java.util.ArrayList<>();
            try {
                for (String name : new String[] {"a", "b", "c"}) {
                    nodes.add(new ocm.server.ChatServer(ocm.server.config.ServerConfig.forTests())
                            .cluster(new ocm.server.cluster.ClusterConfig(redis.uri(), name, java.time.Duration.ofSeconds(2))).start());
                }
                String spec = String.join(",", nodes.stream().map(n -> "127.0.0.1:" + n.tcpPort() + ":" + n.udpPort()).toList());
                Run r = run("--nodes", spec, "--protocol", "v2", "--rooms", "2", "--members", "6", "--senders", "3",
                        "--rate", "30", "--duration", "1", "--warmup", "0.3", "--json");
                assertEquals(0, r.exit(), r.err());
                StepResult s = r.report().result();
                assertTrue(s.sent() > 0, "sent " + s.sent());
                assertEquals(s.sent() * 5, s.expected());
                assertEquals(s.expected(), s.delivered(), r.out());
                assertTrue(r.out().contains("3 cluster nodes"), r.out());
            } finally {
                nodes.forEach(ocm.server.ChatServer::halt);
            }
        }
    }

    @Test
    void badValuesGetOneLineAndExitCode2() {
        for (String[] args : new String[][] {
                {"--nodes", "127.0.0.1:1"}, {"--nodes", "127.0.0.1:x:2"}, {"--server", "h", "--nodes", "127.0.0.1:1:2"},
                {"--rooms", "0"}, {"--senders", "9", "--members", "3"}, {"--rate", "-1"},
                {"--protocol", "v3"}, {"--udp-port", "70000"}, {"--size", "10"}}) {
            Run r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("chat bench: "), r.err());
        }
    }

    @Test
    void unreachableServerIsAClearFailure() {
        Run r = run("--server", "127.0.0.1", "--tcp-port", "1", "--udp-port", "1", "--duration", "1");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("creating room"), r.err());
    }
}
