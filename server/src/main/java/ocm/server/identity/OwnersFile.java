package ocm.server.identity;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * {@code names.json} in the data dir: each owned name and its key fingerprints. Its own file (not
 * the state file) because it changes on claims, not on room traffic, and must outlive every room.
 * Written whole to a temp file (mode 600) and renamed over the old one.
 */
public interface OwnersFile {
    void write(Map<String, Set<String>> owners);

    /** Nothing written (in memory only). */
    OwnersFile NONE = owners -> { };

    String FILE_NAME = "names.json";

    /** The registry kept in {@code dir}/names.json, loaded now (an unreadable file is moved aside, with a warning). */
    static NameOwners open(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        return new NameOwners(owners -> Json.write(file, owners), Json.read(file));
    }

    /** Reading and writing the file. */
    final class Json {
        private static final Logger LOG = Logger.getLogger("ocm.server.identity");
        private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

        private Json() {
        }

        static Map<String, Set<String>> read(Path file) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Map.of();
            }
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 64L * 1024 * 1024) {
                    throw new IOException("not a regular file of a sane size");
                }
                Map<String, Set<String>> m = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                        new TypeToken<TreeMap<String, Set<String>>>() { }.getType());
                return m == null ? Map.of() : m;
            } catch (IOException | JsonParseException e) {
                Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + System.currentTimeMillis());
                LOG.warning("cannot read " + file + " (" + e.getMessage() + "); moved to " + aside + ", no names are owned");
                try {
                    Files.move(file, aside);
                } catch (IOException m) {
                    LOG.warning("cannot move it aside: " + m.getMessage());
                }
                return Map.of();
            }
        }

        static void write(Path file, Map<String, Set<String>> owners) {
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try {
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, GSON.toJson(owners), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
