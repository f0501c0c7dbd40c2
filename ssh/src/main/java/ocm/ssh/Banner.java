package ocm.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The client's banner, read once for every session (the connect screen is skipped, but the help shows it). */
final class Banner {
    private Banner() {
    }

    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = Banner.class.getResourceAsStream("/ocm/assets/banner.txt")) {
            if (in != null) {
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().forEach(lines::add);
            }
        } catch (IOException e) {
            // no banner: nothing needs it
        }
        return lines.isEmpty() ? List.of("OCM - Online Chat Messenger") : List.copyOf(lines);
    }
}
