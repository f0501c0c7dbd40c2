package ocm.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on {@code <data-dir>/.lock}, held for a server's lifetime, so two servers never
 * share a data dir and overwrite each other's state file. The file holds the owner's pid, so the
 * refusal can say who has it. The operating system drops the lock if the process dies.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
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
        Path file = dir.resolve(FILE);
        ocm.server.files.PrivateFiles.createFile(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
            throw new DataDirInUseException(dir, owner);
        }
        DataDirLock held = new DataDirLock(ch, lock);
        try {
            pidWriter.write(ch);
        } catch (IOException | RuntimeException e) {
            held.close(); // else the dir would stay locked, by no one, until this process exits
            throw e;
        }
        return held;
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
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
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
