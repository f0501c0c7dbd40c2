package ocm.server.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line is a
 * well-formed HELP, TYPE or sample; each sample belongs to a family declared by TYPE; values
 * parse. Samples are keyed {@code name{labels}} as written.
 */
public final class PrometheusText {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped|info|stateset|unknown)");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?[0-9]+)?");
    private static final Set<String> SUFFIXES = Set.of("", "_total", "_created", "_count", "_sum", "_bucket", "_info");

    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Map<String, String> types = new HashMap<>();

    private PrometheusText() {
    }

    /** Parses {@code text}; throws IllegalArgumentException naming the first bad line. */
    public static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                p.line(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage() + ": " + line);
            }
        }
        return p;
    }

    private void line(String line) {
        if (line.startsWith("#")) {
            Matcher t = TYPE.matcher(line);
            if (t.matches()) {
                types.put(t.group(1), t.group(2));
            } else if (!HELP.matcher(line).matches()) {
                throw new IllegalArgumentException("comment is neither HELP nor TYPE");
            }
            return;
        }
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not 'name{labels} value'");
        }
        if (m.group(3) != null) {
            checkLabels(m.group(3));
        }
        if (family(m.group(1)) == null) {
            throw new IllegalArgumentException("sample of no declared family");
        }
        samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), value(m.group(4)));
    }

    private static void checkLabels(String labels) {
        Matcher l = LABEL.matcher(labels);
        int at = 0;
        while (at < labels.length()) {
            if (!l.find(at) || l.start() != at) {
                throw new IllegalArgumentException("bad label at " + at);
            }
            at = l.end();
            if (at < labels.length()) {
                if (labels.charAt(at) != ',') {
                    throw new IllegalArgumentException("labels not separated by commas");
                }
                at++;
            }
        }
    }

    private static double value(String v) {
        switch (v) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                return Double.parseDouble(v);
        }
    }

    private String family(String sampleName) {
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return null;
    }

    public Map<String, Double> samples() {
        return samples;
    }

    public Set<String> families() {
        return types.keySet();
    }

    public String type(String family) {
        return types.get(family);
    }

    /** The value of {@code key} ({@code name} or {@code name{labels}}); fails if absent. */
    public double get(String key) {
        Double v = samples.get(key);
        if (v == null) {
            throw new AssertionError("no sample " + key + " in " + samples.keySet());
        }
        return v;
    }
}
