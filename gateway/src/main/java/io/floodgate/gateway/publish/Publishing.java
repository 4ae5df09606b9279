package io.floodgate.gateway.publish;

import io.floodgate.gateway.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.floodgate.gateway.view.Waiters;
import io.micronaut.http.HttpStatus;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
            return publish.get().exceptionallyCompose(Publishing::refused);
        } catch (RuntimeException e) {
            return refused(e);
        }
    }

    /**
     * Ask, then answer within a bound: registers for the answer before publishing (so a quick
     * answer is not missed), publishes, and completes with the answer or empty after {@code wait}.
     */
    public static <K, V> CompletableFuture<Optional<V>> ask(Waiters<K, V> waiters, K key, Duration wait,
                                                            Supplier<CompletableFuture<RecordMetadata>> publish) {
        return ask(waiters, List.of(key), wait, publish);
    }

    /** The same, answered by the first answer to any of {@code keys} (empty once all have waited {@code wait}). */
    public static <K, V> CompletableFuture<Optional<V>> ask(Waiters<K, V> waiters, List<K> keys, Duration wait,
                                                            Supplier<CompletableFuture<RecordMetadata>> publish) {
        List<CompletableFuture<Optional<V>>> answers = keys.stream().map(key -> waiters.await(key, wait)).toList();
        CompletableFuture<Optional<V>> first = new CompletableFuture<>();
        answers.forEach(answer -> answer.thenAccept(v -> v.ifPresent(x -> first.complete(v))));
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenRun(() -> first.complete(Optional.empty()));
        return attempt(publish)
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        keys.forEach(waiters::cancel);
                    }
                })
                .thenCompose(ack -> first);
    }

    /**
     * A record Kafka will never take (too large for it) is the caller's to fix: 413, not a retry.
     * Anything else (brokers away, the bound passed) is ours: 503 with Retry-After.
     */
    private static <T> CompletableFuture<T> refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RecordTooLargeException) {
            return CompletableFuture.failedFuture(new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "REQUEST_ENTITY_TOO_LARGE", "The request is too large to record; nothing was changed."));
        }
        LOG.warn("could not publish: {}", cause.toString());
        return CompletableFuture.failedFuture(ApiException.unavailable());
    }
}
