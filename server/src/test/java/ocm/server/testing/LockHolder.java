package ocm.server.testing;

import java.nio.file.Path;
import ocm.server.store.DataDirLock;

/** A separate process that holds a data dir's lock until its stdin closes, to test the lock across processes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the lock until the parent closes our stdin.
            }
        }
    }
}
