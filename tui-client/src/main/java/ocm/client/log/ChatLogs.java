package ocm.client.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Every room's lines on disk: {@code ROOT/<server>/<room>.log}, one line per message with its
 * date and time, files mode 600 and folders 700. The UI thread only {@link #append}s to a bounded
 * queue (never blocking: when the disk is so slow the queue fills, lines are dropped and the log
 * says how many); the thread {@code ocm-log} writes them. A file past {@link #maxBytes} becomes
 * {@code <room>.log.1} (the older {@code .1} goes), so a room keeps at most twice that.
 */
public final class ChatLogs implements AutoCloseable {
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;
    static final int QUEUE = 4096;
    private static final Logger LOG = Logger.getLogger(ChatLogs.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private record Entry(String server, String room, long timeMillis, String text) {
    }

    private static final Entry STOP = new Entry("", "", 0, "");

    private final Path root;
    private final long maxBytes;
    private final DateTimeFormatter stamp;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    public ChatLogs(Path root, long maxBytes, ZoneId zone) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.stamp = STAMP.withZone(zone);
        this.writer = new Thread(this::run, "ocm-log");
        writer.setDaemon(true); // close() drains it; a JVM going down anyway is not held up
        writer.start();
    }

    /** {@code $XDG_DATA_HOME/ocm/logs}, else {@code ~/.local/share/ocm/logs}. */
    public static Path defaultRoot(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("ocm").resolve("logs");
    }

    public Path root() {
        return root;
    }

    /** The file a room's lines go to ({@code server} as "host:port"). */
    public Path file(String server, String room) {
        return root.resolve(LogNames.encode(server)).resolve(LogNames.encode(room) + ".log");
    }

    /** Queues one line (the text after the time stamp, e.g. "alice: hi"); never blocks. Any thread. */
    public void append(String server, String room, long timeMillis, String text) {
        if (closed || !queue.offer(new Entry(server, room, timeMillis, text))) {
            dropped.incrementAndGet();
        }
    }

    /** Lines not written because the queue was full (or the log closed). */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued, then stops the writer (waits at most 2 s). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>();
        long reportedDrops = 0;
        try {
            while (true) {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch);
                boolean stop = batch.remove(STOP);
                long drops = dropped.get();
                write(batch, drops - reportedDrops);
                reportedDrops = drops;
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One batch: grouped by file, each file opened once (again only when it is rotated). */
    private void write(List<Entry> batch, long newDrops) {
        Map<Path, List<String>> byFile = new LinkedHashMap<>();
        for (Entry e : batch) {
            List<String> lines = byFile.computeIfAbsent(file(e.server(), e.room()), f -> new ArrayList<>());
            String when = stamp.format(Instant.ofEpochMilli(e.timeMillis()));
            if (newDrops > 0 && lines.isEmpty()) {
                lines.add(when + " -- [" + newDrops + " lines not logged: the disk was too slow]\n");
            }
            lines.add(when + " " + oneLine(e.text()) + "\n");
        }
        byFile.forEach((f, lines) -> {
            try {
                writeFile(f, lines);
            } catch (IOException | RuntimeException ex) {
                LOG.fine("cannot write chat log " + f + ": " + ex.getMessage());
            }
        });
    }

    private void writeFile(Path f, List<String> lines) throws IOException {
        makeDirs(f.getParent());
        FileChannel ch = open(f);
        try {
            for (String line : lines) {
                ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                if (ch.size() > 0 && ch.size() + buf.remaining() > maxBytes) {
                    ch.close();
                    Files.move(f, f.resolveSibling(f.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                    ch = open(f);
                }
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        } finally {
            ch.close();
        }
    }

    /** Opens for appending, creating the file mode 600 (never readable by others, not even for a moment). */
    private static FileChannel open(Path f) throws IOException {
        if (!Files.exists(f)) {
            if (POSIX) {
                Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(f);
            }
        }
        return FileChannel.open(f, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The log folder and the server's folder below it, mode 700 (what is above them is the user's). */
    private void makeDirs(Path serverDir) throws IOException {
        for (Path d : new Path[]{root, serverDir}) {
            if (!Files.isDirectory(d)) {
                Files.createDirectories(d);
                if (POSIX) {
                    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
    }

    /** One message, one line: a line break or other control character in it becomes a space. */
    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.getType(cp) == Character.CONTROL ? ' ' : cp));
        return out.toString();
    }
}
