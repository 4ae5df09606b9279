package io.floodgate.gateway.view;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Requests waiting, a bounded time, for the event that answers them. Register before publishing
 * the request, so an answer that arrives quickly is not missed.
 */
public final class Waiters<K, V> {
    private final ConcurrentHashMap<K, CompletableFuture<Optional<V>>> waiting = new ConcurrentHashMap<>();

    /** Completes with the answer, or with empty after {@code timeout}. Never exceptionally. */
    public CompletableFuture<Optional<V>> await(K key, Duration timeout) {
        CompletableFuture<Optional<V>> shared = waiting.computeIfAbsent(key, k -> new CompletableFuture<>());
        CompletableFuture<Optional<V>> mine = shared.copy()
                .completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS);
        // Whatever ends this wait, nothing stays registered for a key nobody may answer.
        mine.whenComplete((v, e) -> waiting.remove(key, shared));
        return mine;
    }

    public void complete(K key, V answer) {
        CompletableFuture<Optional<V>> future = waiting.remove(key);
        if (future != null) {
            future.complete(Optional.of(answer));
        }
    }

    /** Stops waiting for {@code key}, e.g. when publishing the request failed. */
    public void cancel(K key) {
        CompletableFuture<Optional<V>> future = waiting.remove(key);
        if (future != null) {
            future.complete(Optional.empty());
        }
    }

    public int size() {
        return waiting.size();
    }
}
