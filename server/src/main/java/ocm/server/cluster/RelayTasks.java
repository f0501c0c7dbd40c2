package ocm.server.cluster;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** How the cluster reaches the relay thread, the only owner of the node's rooms: a task, and its answer. */
@FunctionalInterface
public interface RelayTasks {
    <T> CompletableFuture<T> submit(Callable<T> task);

    default void execute(Runnable task) {
        submit(() -> {
            task.run();
            return null;
        });
    }
}
