package ocm.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version and git commit Maven wrote into {@code build.properties} at build time. */
public final class BuildInfo implements IVersionProvider {
    static final String RESOURCE = "/ocm/app/build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {line(load())};
    }

    static String line(Properties p) {
        return "OCM " + p.getProperty("version", "unknown") + " (commit " + known(p.getProperty("commit")) + ")";
    }

    /** An unfiltered placeholder (a build from an IDE) counts as unknown. */
    private static String known(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }

    static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // No build info: "unknown" is the honest answer.
        }
        return p;
    }
}
