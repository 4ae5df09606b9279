package io.floodgate.gateway.publish;

import io.floodgate.gateway.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.floodgate.gateway.view.Waiters;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Publishing requests: a failure to publish becomes an explicit "nothing happened, retry" answer,
 * and a request that expects an answer event waits for it a bounded time.
 */
public final class Publishing {
    private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);

    private Publishing() {
    }

    public static <T> CompletableFuture<T> attempt(Supplier<CompletableFuture<T>> publish) {
        try {
            return publish.get().exceptionallyCompose(Publishing::unavailable);
        } catch (RuntimeException e) {
            return unavailable(e);
        }
    }

    /**
     * Ask, then answer within a bound: registers for the answer before publishing (so a quick
     * answer is not missed), publishes, and completes with the answer or empty after {@code wait}.
     */
    public static <K, V> CompletableFuture<Optional<V>> ask(Waiters<K, V> waiters, K key, Duration wait,
                                                            Supplier<CompletableFuture<RecordMetadata>> publish) {
        CompletableFuture<Optional<V>> answer = waiters.await(key, wait);
        return attempt(publish)
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        waiters.cancel(key);
                    }
                })
                .thenCompose(ack -> answer);
    }

    private static <T> CompletableFuture<T> unavailable(Throwable cause) {
        LOG.warn("could not publish: {}", cause.toString());
        return CompletableFuture.failedFuture(ApiException.unavailable());
    }
}
