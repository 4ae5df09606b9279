package io.floodgate.gateway.edge;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is asking, and how much one asker may hold: per-address limits and status streams. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeLimitsTest {
    private static final String SALE = "limits";
    private GatewayHarness gateway;

    @BeforeAll
    void start() {
        gateway = GatewayHarness.start(Map.of(
                "floodgate.gateway.limits.join-per-address", 5,
                "floodgate.gateway.limits.max-streams", 3));
        assertEquals(201, gateway.createSale(SALE));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void forwardedForHeadersFromAnUntrustedPeerDoNotGiveFreshBuckets() {
        // All at once, each from another address as the header would have it, each another buyer.
        List<CompletableFuture<HttpResponse<String>>> joins = IntStream.range(0, 30)
                .mapToObj(i -> gateway.client().sendAsync(HttpRequest.newBuilder(URI.create(gateway.url("/api/sales/"
                                        + SALE + "/queue")))
                                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.0.0." + i)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"buyerId\":\"b" + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<Integer> codes = joins.stream().map(join -> join.join().statusCode()).toList();
        assertTrue(codes.stream().filter(code -> code == 429).count() >= 15, codes.toString());
    }

    @Test
    void aNewStatusStreamOfOneTicketEndsTheOldOne() throws Exception {
        String ticket = gateway.ticket(SALE, "streamer", 1);
        HttpResponse<Stream<String>> first = stream(ticket);
        assertEquals(200, first.statusCode());
        CompletableFuture<Long> firstEnded = CompletableFuture.supplyAsync(() -> first.body().count());
        HttpResponse<Stream<String>> second = stream(ticket);
        assertEquals(200, second.statusCode());
        firstEnded.get(5, TimeUnit.SECONDS); // the old stream is over
        second.body().close();
    }

    @Test
    void openStatusStreamsCountTowardsLoadShedding() {
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        try {
            HttpResponse<Stream<String>> refused = null;
            for (int i = 0; i < 5 && refused == null; i++) {
                HttpResponse<Stream<String>> answer = stream(gateway.ticket(SALE, "many" + i, 1));
                if (answer.statusCode() == 503) {
                    refused = answer;
                } else {
                    assertEquals(200, answer.statusCode());
                    open.add(answer);
                }
            }
            assertTrue(refused != null, "five streams open at once with max-streams 3");
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        } finally {
            open.forEach(s -> s.body().close());
        }
    }

    private HttpResponse<Stream<String>> stream(String ticket) {
        try {
            return gateway.client().send(HttpRequest.newBuilder(URI.create(gateway.url("/api/sales/" + SALE
                            + "/status/stream?ticket=" + ticket))).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
