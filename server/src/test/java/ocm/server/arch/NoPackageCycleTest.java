package ocm.server.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import ocm.server.ChatServer;
import org.junit.jupiter.api.Test;

/**
 * No package of the server depends, through any chain, on a package that depends on it: asked
 * of {@code jdeps} over the module's compiled classes, so it holds for what is shipped.
 */
class NoPackageCycleTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(ocm\\.server[\\w.]*)\\s+->\\s+(ocm\\.server[\\w.]*)\\s");

    @Test
    void serverPackagesFormNoCycle() throws Exception {
        Map<String, TreeSet<String>> graph = dependencies();
        assertTrue(graph.containsKey("ocm.server.udp"), "jdeps saw the server's packages: " + graph.keySet());
        List<List<String>> cycles = cycles(graph);
        assertEquals(List.of(), cycles, "package cycles in server (each list is one strongly connected set)");
    }

    @Test
    void aCycleIsFoundAndNamed() {
        Map<String, TreeSet<String>> graph = new TreeMap<>();
        graph.put("a", new TreeSet<>(List.of("b")));
        graph.put("b", new TreeSet<>(List.of("c")));
        graph.put("c", new TreeSet<>(List.of("a")));
        graph.put("d", new TreeSet<>(List.of("a")));
        assertEquals(List.of(List.of("a", "b", "c")), cycles(graph));
    }

    /** The package graph of the server's classes (target/classes), from {@code jdeps -verbose:package}. */
    private static Map<String, TreeSet<String>> dependencies() throws Exception {
        Path classes = Path.of(ChatServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none", classes.toString());
        assertEquals(0, rc, "jdeps failed: " + err);
        Map<String, TreeSet<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        return graph;
    }

    /** Strongly connected sets of more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, TreeSet<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, out, counter);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, TreeSet<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        for (String w : graph.getOrDefault(v, new TreeSet<>())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            TreeSet<String> set = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                set.add(w);
            } while (!w.equals(v));
            if (set.size() > 1) {
                out.add(new ArrayList<>(set));
            }
        }
    }
}
