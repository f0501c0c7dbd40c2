package ocm.server.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The node's two Redis connections (Lettuce, asynchronous): one for commands and scripts
 * (pipelined: many in flight at once), one for the room channels. Lettuce reconnects both by
 * itself and subscribes the channels again; {@code onSubscribed} hears each (re)subscription,
 * so the engine can read what the channel missed meanwhile. Callbacks run on Lettuce's threads.
 */
final class RedisBus implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> pubsub;
    private final RedisAsyncCommands<String, String> async;
    private final java.util.concurrent.ConcurrentHashMap<String, String> shas = new java.util.concurrent.ConcurrentHashMap<>();

    RedisBus(String uri, BiConsumer<String, String> onMessage, Consumer<String> onSubscribed) {
        RedisURI u = RedisURI.create(uri);
        u.setTimeout(Duration.ofSeconds(5));
        client = RedisClient.create(u);
        client.setOptions(ClientOptions.builder().autoReconnect(true).build());
        commands = client.connect();
        async = commands.async();
        pubsub = client.connectPubSub();
        pubsub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                onMessage.accept(channel, message);
            }

            @Override
            public void subscribed(String channel, long count) {
                onSubscribed.accept(channel);
            }
        });
    }

    RedisAsyncCommands<String, String> async() {
        return async;
    }

    /** Runs a script that answers a number. */
    CompletableFuture<Long> evalLong(String script, String[] keys, String... args) {
        return run(script, ScriptOutputType.INTEGER, keys, args);
    }

    /** Runs a script that answers a word. */
    CompletableFuture<String> evalString(String script, String[] keys, String... args) {
        return run(script, ScriptOutputType.VALUE, keys, args);
    }

    /** Runs a script that answers a list (nested lists stay lists). */
    CompletableFuture<List<Object>> evalList(String script, String[] keys, String... args) {
        return run(script, ScriptOutputType.MULTI, keys, args);
    }

    /**
     * By its SHA (EVALSHA: a chat sends its arguments, not the script); a Redis that does not know
     * the script yet (first use, or restarted) gets it whole once (EVAL, which also caches it).
     */
    private <T> CompletableFuture<T> run(String script, ScriptOutputType type, String[] keys, String... args) {
        String sha = shas.computeIfAbsent(script, async::digest);
        return async.<T>evalsha(sha, type, keys, args).toCompletableFuture().handle((r, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(r);
            }
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (String.valueOf(cause.getMessage()).startsWith("NOSCRIPT")) {
                return async.<T>eval(script, type, keys, args).toCompletableFuture();
            }
            return CompletableFuture.<T>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    CompletableFuture<Void> subscribe(String channel) {
        return pubsub.async().subscribe(channel).toCompletableFuture();
    }

    CompletableFuture<Void> unsubscribe(String channel) {
        return pubsub.async().unsubscribe(channel).toCompletableFuture();
    }

    @Override
    public void close() {
        try {
            pubsub.close();
            commands.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
