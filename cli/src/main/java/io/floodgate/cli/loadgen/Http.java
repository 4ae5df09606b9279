package io.floodgate.cli.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.floodgate.contracts.json.EventJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generator's HTTP: asynchronous, at most {@code maxInFlight} requests open, each answer timed
 * per endpoint from the moment it is sent. Requests over the limit wait their turn in order, a
 * buyer's actions (join, hold, checkout) before status polls: each real buyer has a browser of
 * their own, so one buyer's click never waits behind thousands of other buyers' polls.
 */
final class Http {
    /** An answer: its status, JSON body and Retry-After (status 0 and an empty body on a network failure). */
    record Reply(int status, JsonNode body, long retryAfterMs) {
        String text(String field) {
            JsonNode v = body.path(field);
            return v.isMissingNode() || v.isNull() ? null : v.asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final int maxInFlight;
    private final Map<String, EndpointStats> stats = new ConcurrentHashMap<>();
    private final Queue<Runnable> waitingActions = new ArrayDeque<>();
    private final Queue<Runnable> waitingPolls = new ArrayDeque<>();
    private int inFlight;

    Http(URI base, int maxInFlight) {
        this.base = base;
        this.maxInFlight = maxInFlight;
    }

    /** A read: it waits behind the buyers' actions when the generator is at its limit. */
    CompletableFuture<Reply> get(String endpoint, String path, Map<String, String> headers) {
        return send(endpoint, request(path, headers).GET(), waitingPolls);
    }

    /** An action: it goes ahead of the reads waiting. */
    CompletableFuture<Reply> post(String endpoint, String path, String json, Map<String, String> headers) {
        return send(endpoint, request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), waitingActions);
    }

    Map<String, EndpointStats> stats() {
        return stats;
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return b;
    }

    private CompletableFuture<Reply> send(String endpoint, HttpRequest.Builder builder, Queue<Runnable> queue) {
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        Runnable go = () -> {
            long sent = System.nanoTime();
            EndpointStats s = stats.computeIfAbsent(endpoint, e -> new EndpointStats());
            client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, failure) -> {
                release();
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    s.error(cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName());
                    answer.complete(new Reply(0, EventJson.mapper().createObjectNode(), 1000));
                    return;
                }
                JsonNode body;
                try {
                    body = r.body().length == 0 ? EventJson.mapper().createObjectNode() : EventJson.mapper().readTree(r.body());
                } catch (Exception e) {
                    body = EventJson.mapper().createObjectNode();
                }
                if (r.statusCode() >= 500 || r.statusCode() == 429 || r.statusCode() == 400 || r.statusCode() == 401) {
                    s.error("HTTP " + r.statusCode() + " " + body.path("error").asText(""));
                } else {
                    s.ok((System.nanoTime() - sent) / 1000);
                }
                long retryAfter = r.headers().firstValue("Retry-After").map(v -> {
                    try {
                        return Long.parseLong(v.trim()) * 1000;
                    } catch (NumberFormatException e) {
                        return 1000L;
                    }
                }).orElse(1000L);
                answer.complete(new Reply(r.statusCode(), body, retryAfter));
            });
        };
        synchronized (this) {
            if (inFlight < maxInFlight) {
                inFlight++;
            } else {
                queue.add(go);
                return answer;
            }
        }
        go.run();
        return answer;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waitingActions.isEmpty() ? waitingPolls.poll() : waitingActions.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        next.run();
    }
}
