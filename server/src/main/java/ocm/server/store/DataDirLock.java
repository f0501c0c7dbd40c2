package ocm.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * An exclusive lock on {@code <data-dir>/.lock}, held for a server's lifetime, so two servers never
 * share a data dir and overwrite each other's state file. The file holds the owner's pid, so the
 * refusal can say who has it. The operating system drops the lock if the process dies.
 *
 * <p>The lock is on the open file, not on its name: a deleted {@code .lock} would let a second server
 * lock a new file of that name while the first still runs. So {@link #recheck} (run every second by
 * {@link #watch}) makes the file again and locks it as soon as it is gone; if another server got there
 * first, the lock is lost and the owner is told (it must stop writing the state file).
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE = ".lock";
    private static final Logger LOG = Logger.getLogger("ocm.server.store");

    private final Path dir;
    private final Path file;
    private final PidWriter pidWriter;
    /** Guarded by this: the channel and lock held now, and the identity (inode) of the file they are on. */
    private FileChannel channel;
    private FileLock lock;
    private Object fileKey;
    private boolean lost;
    private ScheduledExecutorService watcher;

    private DataDirLock(Path dir, PidWriter pidWriter, FileChannel channel, FileLock lock, Object fileKey) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        this.pidWriter = pidWriter;
        this.channel = channel;
        this.lock = lock;
        this.fileKey = fileKey;
    }

    /** Takes the lock, or throws {@link DataDirInUseException} naming the dir (and the owner's pid if known). */
    public static DataDirLock acquire(Path dir) throws IOException {
        return acquire(dir, DataDirLock::writePid);
    }

    /** How the owner's pid gets into the lock file; tests pass one that fails. */
    interface PidWriter {
        void write(FileChannel ch) throws IOException;
    }

    static DataDirLock acquire(Path dir, PidWriter pidWriter) throws IOException {
        ocm.server.files.PrivateFiles.createDirectory(dir);
        Locked l = lockFile(dir.resolve(FILE), pidWriter);
        if (l.lock() == null) {
            throw new DataDirInUseException(dir, l.owner());
        }
        return new DataDirLock(dir, pidWriter, l.channel(), l.lock(), l.fileKey());
    }

    /** What one try to lock the file gave: a lock (with the file's identity), or the owner's pid. */
    private record Locked(FileChannel channel, FileLock lock, Object fileKey, Optional<Long> owner) {
    }

    /**
     * Opens (or makes) the file and tries to lock it; a lock taken on a file that was deleted or
     * replaced meanwhile is let go and tried again, so the lock is on the file that has the name.
     */
    private static Locked lockFile(Path file, PidWriter pidWriter) throws IOException {
        for (int attempt = 0; ; attempt++) {
            ocm.server.files.PrivateFiles.createFile(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Object opened = keyOf(file);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                // Another server in this same JVM holds it.
                lock = null;
            } catch (IOException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                Optional<Long> owner = readPid(ch);
                ch.close();
                return new Locked(null, null, null, owner);
            }
            Object key = keyOf(file);
            if (opened != null && !opened.equals(key)) {
                closeQuietly(lock, ch);
                if (attempt < 10) {
                    continue;
                }
                throw new IOException("the lock file " + file + " keeps being replaced");
            }
            try {
                pidWriter.write(ch);
            } catch (IOException | RuntimeException e) {
                closeQuietly(lock, ch); // else the dir would stay locked, by no one, until this process exits
                throw e;
            }
            return new Locked(ch, lock, key, Optional.empty());
        }
    }

    /** The identity (device and inode) of the file that has the name now; null if there is none. */
    private static Object keyOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Makes sure the lock is still on the file named {@code .lock}: if the file was deleted or
     * replaced, makes it again and locks it. False once the lock is lost (another server locked the
     * new file first); the owner must then stop writing the data dir.
     */
    public synchronized boolean recheck() {
        if (lost || lock == null) {
            return !lost;
        }
        Object now = keyOf(file);
        if (now != null && (fileKey == null || fileKey.equals(now))) {
            return true; // still ours (or, where files have no identity, at least still there)
        }
        try {
            Locked l = lockFile(file, pidWriter);
            if (l.lock() == null) {
                lost = true;
                LOG.severe("the lock file " + file + " was deleted and another OCM server" + l.owner().map(p -> " (pid " + p + ")")
                        .orElse("") + " has locked the data dir since: this server stops writing " + dir);
                return false;
            }
            closeQuietly(lock, channel);
            channel = l.channel();
            lock = l.lock();
            fileKey = l.fileKey();
            LOG.warning("the lock file " + file + " was deleted or replaced; made it again and locked it");
            return true;
        } catch (IOException e) {
            LOG.warning("the lock file " + file + " is gone and cannot be made again (" + e.getMessage() + "); will retry");
            return true;
        }
    }

    /** Runs {@link #recheck} every {@code period} on a daemon thread ({@code ocm-lock}); {@code onLost} once if the lock is lost. */
    public synchronized void watch(Duration period, Runnable onLost) {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ocm-lock");
            t.setDaemon(true);
            return t;
        });
        long ms = period.toMillis();
        watcher.scheduleWithFixedDelay(() -> {
            if (!recheck()) {
                onLost.run();
                watcher.shutdown();
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    private static void closeQuietly(FileLock lock, FileChannel ch) {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        try {
            ch.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }

    private static Optional<Long> readPid(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void writePid(FileChannel ch) throws IOException {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
    }

    /** Releases the lock (the file stays; an unlocked file means nobody is using the dir). */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        if (lock != null) {
            closeQuietly(lock, channel);
            lock = null;
        }
    }

    /** The data dir is locked by another server. */
    public static final class DataDirInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        DataDirInUseException(Path dir, Optional<Long> pid) {
            super("data dir " + dir + " is in use by another OCM server" + pid.map(p -> " (pid " + p + ")").orElse("")
                    + ": stop it, or choose another --data-dir");
        }
    }
}
