package io.floodgate.gateway.edge;

import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.availability.SectionAvailability;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.gateway.publish.EventPublisher;
import io.floodgate.gateway.view.GatewayView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With every broker stopped, requests that must record something get 503 UNAVAILABLE with
 * Retry-After within the publish bound (max-block + delivery-timeout), and what needs no broker
 * (ping, the status of a known buyer, health) keeps answering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageTest {
    private static final String SALE = "outage";
    private static final Duration MAX_BLOCK = Duration.ofMillis(500);
    private static final Duration DELIVERY = Duration.ofMillis(1000);
    /** The documented bound, plus room for a loaded machine. */
    private static final Duration BOUND = MAX_BLOCK.plus(DELIVERY).plusSeconds(1);

    private GatewayHarness gateway;
    private String ticket;

    @BeforeAll
    void start() throws Exception {
        gateway = GatewayHarness.start(Map.of(
                "floodgate.gateway.publish.max-block", MAX_BLOCK.toMillis() + "ms",
                "floodgate.gateway.publish.delivery-timeout", DELIVERY.toMillis() + "ms"));
        assertEquals(201, gateway.createSale(SALE));
        // The section's seats as inventory would publish them, so a hold gets as far as publishing.
        gateway.bean(EventPublisher.class).publish(Topics.AVAILABILITY, SALE + "/floor", new SectionAvailability(
                EventMeta.of(SALE, "c", "c", Instant.now()), "floor", "Floor", 1000, true, 1, 100, 100, 0, 0,
                new long[2])).get();
        // Buyer 1 admitted, as queue-service would: a hold's admission token is then within its window.
        gateway.bean(EventPublisher.class).publish(Topics.QUEUE, SALE, new BuyerAdmitted(
                EventMeta.of(SALE, "c", "c", Instant.now()), "h", 1, Instant.now().plusSeconds(600), Duration.ZERO)).get();
        GatewayView view = gateway.bean(GatewayView.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((view.availability(SALE + "/floor").isEmpty() || view.sale(SALE).orElseThrow().admittedThrough() < 1)
                && System.nanoTime() < deadline) {
            GatewayHarness.sleepBriefly();
        }
        // A join while the broker is up: the producer then knows where arrivals go (delivery, not metadata, fails later).
        assertEquals(202, join().statusCode());
        ticket = gateway.ticket(SALE, "early", 1);
        gateway.stopKafka();
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void joinsGet503WithRetryAfterWithinTheBound() {
        List<Long> millis = IntStream.range(0, 20).parallel().mapToObj(i -> {
            long started = System.nanoTime();
            HttpResponse<String> answer = join();
            assertUnavailable(answer);
            return Duration.ofNanos(System.nanoTime() - started).toMillis();
        }).toList();
        assertTrue(millis.stream().allMatch(ms -> ms <= BOUND.toMillis()), "answered after " + millis + " ms");
    }

    @Test
    void aFirstJoinThatFailsStillHandsBackItsNewIdentitySoTheRetryIsTheSameBuyer() {
        HttpResponse<String> first = join();
        assertUnavailable(first);
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        String identity = cookie.split(";")[0].substring("floodgate_identity=".length());
        assertTrue(first.body().contains("\"identity\":\"" + identity + "\""), first.body());

        HttpResponse<String> retried = gateway.post("/api/sales/" + SALE + "/queue", "{}", "Cookie", cookie.split(";")[0]);
        assertUnavailable(retried);
        assertTrue(retried.headers().firstValue("Set-Cookie").isEmpty(), "the same buyer: nothing new issued");
        assertFalse(retried.body().contains("\"identity\""), retried.body());
    }

    @Test
    void holdsGet503WithRetryAfterWithinTheBound() {
        long started = System.nanoTime();
        HttpResponse<String> answer = gateway.post("/api/sales/" + SALE + "/holds",
                "{\"sectionId\":\"floor\",\"quantity\":1}", "Authorization", "Bearer " + gateway.admission(SALE, "h"));
        assertUnavailable(answer);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(BOUND) <= 0);
    }

    @Test
    void pingStatusAndHealthKeepAnswering() {
        long started = System.nanoTime();
        assertEquals(200, gateway.get("/api/ping").statusCode());
        HttpResponse<String> status = gateway.get("/api/sales/" + SALE + "/status", "Floodgate-Ticket", ticket);
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(gateway.get("/health").body().contains("status"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(BOUND) <= 0);
    }

    /** A join from a new browser: a new anonymous identity each time. */
    private HttpResponse<String> join() {
        return gateway.post("/api/sales/" + SALE + "/queue", "{}");
    }

    private static void assertUnavailable(HttpResponse<String> answer) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("UNAVAILABLE"), answer.body());
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), answer.headers().toString());
    }
}
