package ocm.server.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The state file, {@code state.json} in the data dir, through Gson. Written to a temp file,
 * fsynced, then renamed over the old one (mode 600: it holds token hashes). A file that cannot be
 * read (bad JSON, not a regular file, bigger than the limit) is renamed aside
 * ({@code state.json.corrupt-<time>}) and logged, never overwritten.
 */
public final class JsonRoomStore implements RoomStore {
    private static final Logger LOG = Logger.getLogger("ocm.server.store");
    public static final String FILE = "state.json";
    /** 256 MiB: far above what the saved history bound ({@link Snapshots}) lets a real state reach. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private final Path dir;
    private final Path file;
    private final long maxBytes;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    public JsonRoomStore(Path dir) {
        this(dir, DEFAULT_MAX_BYTES);
    }

    /** {@code maxBytes}: a bigger file is moved aside unread, and {@link #save} never writes a bigger one. */
    public JsonRoomStore(Path dir, long maxBytes) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.maxBytes = maxBytes;
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<StateSnapshot> load() throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            String json = readCapped();
            StateSnapshot s = gson.fromJson(json, StateSnapshot.class);
            if (s == null || s.version() != StateSnapshot.VERSION) {
                throw new JsonParseException(s == null ? "empty file" : "unknown version " + s.version());
            }
            return Optional.of(StateCheck.clean(s, why -> LOG.warning("state file " + file + ": " + why)));
        } catch (JsonParseException | IllegalArgumentException | NullPointerException | IOException e) {
            Path aside = dir.resolve(FILE + ".corrupt-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warning("state file " + file + " could not be read (" + firstLine(e.getMessage())
                    + "); moved it to " + aside + " and starting with no rooms");
            return Optional.empty();
        }
    }

    /**
     * Reads the file if it is a regular file (not a symlink, device or fifo: a link to /dev/zero
     * would never end) of at most {@code maxBytes}; the read itself stops there too, in case
     * the file grows meanwhile.
     */
    private String readCapped() throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("not a regular file (a symlink, device or directory)");
        }
        if (Files.size(file) > maxBytes) {
            throw new IOException("larger than the limit of " + maxBytes + " bytes");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException("larger than the limit of " + maxBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void save(StateSnapshot snapshot) throws IOException {
        ocm.server.files.PrivateFiles.createDirectory(dir);
        Path tmp = dir.resolve(FILE + ".tmp");
        byte[] bytes = withinLimit(snapshot);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            restrict(tmp);
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDir();
    }

    /**
     * The snapshot as JSON of at most {@code maxBytes}, the size {@link #load} reads: over it, the
     * oldest saved history is cut (halves, then none) with a warning; if the rooms and members alone
     * do not fit, nothing is written (the last file stays, readable) and the save fails saying so.
     */
    private byte[] withinLimit(StateSnapshot snapshot) throws IOException {
        byte[] bytes = gson.toJson(snapshot).getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        long full = bytes.length;
        for (int keep = 2; bytes.length > maxBytes && keep <= 1 << 12; keep *= 2) {
            bytes = gson.toJson(HistoryTrim.keepNewest(snapshot, keep)).getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBytes) {
            bytes = gson.toJson(HistoryTrim.keepNewest(snapshot, Integer.MAX_VALUE)).getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBytes) {
            throw new StateTooLargeException(bytes.length, maxBytes);
        }
        long written = bytes.length;
        LOG.warning("the state file would be " + full + " bytes, over the limit of " + maxBytes + " (--max-state-mb) that"
                + " a start reads: saved it with less history (" + written + " bytes); raise --max-state-mb to keep more");
        return bytes;
    }

    /** Even without history the state would pass the read limit: it is not written at all. */
    public static final class StateTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        StateTooLargeException(long bytes, long limit) {
            super("the rooms and members alone would make a state file of " + bytes + " bytes, over the limit of " + limit
                    + " (--max-state-mb) that a start reads; not written, the last state file stays: raise --max-state-mb");
        }
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.fine(() -> "cannot set mode 600 on " + p + ": " + e);
        }
    }

    /** Makes the rename itself durable (best effort: not every platform can open a directory). */
    private void syncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.finest(() -> "directory fsync not available: " + e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
