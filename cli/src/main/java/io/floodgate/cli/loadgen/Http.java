package io.floodgate.cli.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.floodgate.contracts.json.EventJson;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The generator's HTTP: asynchronous, at most {@code maxInFlight} requests open, each answer timed
 * per endpoint from the moment it is sent. Requests over the limit wait their turn in order, a
 * buyer's actions (join, hold, checkout) before status polls: each real buyer has a browser of
 * their own, so one buyer's click never waits behind thousands of other buyers' polls.
 * <p>
 * With several gateways it acts as the load balancer in front of them: requests go round the
 * gateways, and one that refuses a connection is left out for a while and the request sent to
 * the next (counted as an error of its endpoint). A request already sent when a gateway dies is
 * not resent: the buyer sees the failure, as through a real balancer.
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
    private static final long DOWN_FOR_NANOS = 2_000_000_000L;

    private final List<URI> gateways;
    /** Per gateway, until when it is left out (System.nanoTime), 0 when never left out. */
    private final AtomicLongArray downUntil;
    private final AtomicInteger turn = new AtomicInteger();
    private final int maxInFlight;
    private final Map<String, EndpointStats> stats = new ConcurrentHashMap<>();
    private final Queue<Runnable> waitingActions = new ArrayDeque<>();
    private final Queue<Runnable> waitingPolls = new ArrayDeque<>();
    private int inFlight;

    Http(List<URI> gateways, int maxInFlight) {
        this.gateways = List.copyOf(gateways);
        this.downUntil = new AtomicLongArray(gateways.size());
        this.maxInFlight = maxInFlight;
    }

    /** A read: it waits behind the buyers' actions when the generator is at its limit. */
    CompletableFuture<Reply> get(String endpoint, String path, Map<String, String> headers) {
        return send(endpoint, request(path, headers, HttpRequest.Builder::GET), waitingPolls);
    }

    /** An action: it goes ahead of the reads waiting. */
    CompletableFuture<Reply> post(String endpoint, String path, String json, Map<String, String> headers) {
        return send(endpoint, request(path, headers, b -> b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))), waitingActions);
    }

    /**
     * Follows a Server-Sent Events stream: each event's JSON to {@code onEvent}, which answers
     * whether to keep listening; {@code onEnd} when the stream ends in any other way (the server
     * closed it, the gateway died, an error status). A stream is one buyer's open connection, not
     * a request waiting its turn, so it does not count against the in-flight limit. Its latency is
     * the time to its first event.
     */
    void stream(String endpoint, String path, Map<String, String> headers, Predicate<JsonNode> onEvent, Runnable onEnd) {
        long sent = System.nanoTime();
        EndpointStats s = stats.computeIfAbsent(endpoint, e -> new EndpointStats());
        int gateway = pickGateway();
        HttpRequest.Builder b = HttpRequest.newBuilder(gateways.get(gateway).resolve(path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream");
        headers.forEach(b::header);
        SseEvents events = new SseEvents(onEvent, () -> s.ok((System.nanoTime() - sent) / 1000));
        client.sendAsync(b.GET().build(), HttpResponse.BodyHandlers.fromLineSubscriber(events)).whenComplete((r, failure) -> {
            if (events.closedByUs()) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof ConnectException) {
                    downUntil.set(gateway, System.nanoTime() + DOWN_FOR_NANOS);
                }
                s.error(cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName());
            } else if (r.statusCode() != 200) {
                s.error("HTTP " + r.statusCode());
            }
            onEnd.run();
        });
    }

    Map<String, EndpointStats> stats() {
        return stats;
    }

    private Function<URI, HttpRequest> request(String path, Map<String, String> headers,
                                               UnaryOperator<HttpRequest.Builder> method) {
        return gateway -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(10));
            headers.forEach(b::header);
            return method.apply(b).build();
        };
    }

    /** The next gateway round the ring that is not left out (the next one anyway if all are). */
    private int pickGateway() {
        int start = Math.floorMod(turn.getAndIncrement(), gateways.size());
        long now = System.nanoTime();
        for (int i = 0; i < gateways.size(); i++) {
            int g = (start + i) % gateways.size();
            long until = downUntil.get(g);
            if (until == 0 || until - now < 0) {
                return g;
            }
        }
        return start;
    }

    private CompletableFuture<Reply> send(String endpoint, Function<URI, HttpRequest> request, Queue<Runnable> queue) {
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        Runnable go = () -> attempt(endpoint, request, answer, gateways.size(), System.nanoTime());
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

    /**
     * Sends once; on a refused connection, to the next gateway (keeping the slot and the time sent).
     * Whatever happens, the answer completes and the slot is released exactly once.
     */
    private void attempt(String endpoint, Function<URI, HttpRequest> request, CompletableFuture<Reply> answer,
                         int gatewaysLeft, long sent) {
        EndpointStats s = stats.computeIfAbsent(endpoint, e -> new EndpointStats());
        int gateway = pickGateway();
        try {
            client.sendAsync(request.apply(gateways.get(gateway)), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((r, failure) -> {
                        Throwable cause = failure == null ? null : failure.getCause() != null ? failure.getCause() : failure;
                        if (cause instanceof ConnectException && gatewaysLeft > 1) {
                            downUntil.set(gateway, System.nanoTime() + DOWN_FOR_NANOS);
                            s.error("connection refused, sent to another gateway");
                            attempt(endpoint, request, answer, gatewaysLeft - 1, sent);
                            return;
                        }
                        answer.complete(cause != null ? failed(s, cause) : answered(s, r, sent));
                        release();
                    });
        } catch (RuntimeException e) {
            answer.complete(failed(s, e));
            release();
        }
    }

    private static Reply failed(EndpointStats s, Throwable cause) {
        s.error(cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName());
        return new Reply(0, EventJson.mapper().createObjectNode(), 1000);
    }

    private static Reply answered(EndpointStats s, HttpResponse<byte[]> r, long sent) {
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
        return new Reply(r.statusCode(), body, retryAfter);
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
