package ocm.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The test's exposition-format reader must itself refuse what Prometheus would refuse. */
class PrometheusTextTest {
    private static final String GOOD = "# HELP ocm_x_total Things.\n# TYPE ocm_x_total counter\nocm_x_total{reason=\"a\",b=\"c\\\"d\"} 3.0\n"
            + "# TYPE ocm_s_seconds summary\nocm_s_seconds_count 2\nocm_s_seconds_sum 0.5\n";

    @Test
    void readsSamplesAndTypes() {
        PrometheusText p = PrometheusText.parse(GOOD);
        assertEquals(3.0, p.get("ocm_x_total{reason=\"a\",b=\"c\\\"d\"}"));
        assertEquals(2, p.get("ocm_s_seconds_count"));
        assertEquals("summary", p.type("ocm_s_seconds"));
    }

    @Test
    void refusesMalformedLines() {
        for (String bad : new String[] {
                "# TYPE ocm_x counter\nocm_x",                       // no value
                "# TYPE ocm_x counter\nocm_x{a=b} 1",                // unquoted label value
                "# TYPE ocm_x counter\nocm_x{a=\"b\"c=\"d\"} 1",      // labels without a comma
                "# TYPE ocm_x counter\nocm_x one",                   // not a number
                "# TYPE ocm_x counter\n# something else",            // comment neither HELP nor TYPE
                "# TYPE ocm_x gauge2\nocm_x 1",                      // unknown type
                "ocm_y 1",                                           // no TYPE for its family
                "# TYPE 1ocm counter\n1ocm 1"}) {                    // bad name
            assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse(bad), bad);
        }
    }
}
