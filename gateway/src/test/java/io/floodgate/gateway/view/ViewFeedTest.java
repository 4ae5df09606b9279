package io.floodgate.gateway.view;

import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.process.Ports;
import io.floodgate.platform.deadletter.DeadLetters;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.KafkaSettings;
import io.floodgate.platform.kafka.TopicProvisioner;
import io.floodgate.platform.kafka.TopicSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real broker: readiness says whether the view can be trusted, now as well as at start. */
class ViewFeedTest {
    @TempDir
    Path dir;
    private EmbeddedKafka kafka;

    @AfterEach
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static HealthResult health(ViewHealthIndicator indicator) {
        return Mono.from(indicator.getResult()).block(Duration.ofSeconds(5));
    }

    @Test
    void aViewLoopThatStopsTurnsReadinessDown() throws Exception {
        kafka = EmbeddedKafka.start(dir, Ports.free(), Ports.free());
        KafkaClients clients = new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()));
        ViewFeed feed = new ViewFeed(clients, new TopicProvisioner(clients, new TopicSettings(1, (short) 1, true)),
                new GatewayView(Clock.systemUTC()), new SimpleMeterRegistry(),
                new DeadLetters(letter -> { }, new SimpleMeterRegistry(), Clock.systemUTC(), "gateway"));
        ViewHealthIndicator indicator = new ViewHealthIndicator(feed);
        indicator.setExecutorService(Executors.newSingleThreadExecutor()); // Micronaut injects its I/O pool
        feed.onApplicationEvent(null);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!feed.caughtUp()) {
            assertTrue(System.nanoTime() < deadline, "the view never caught up");
            Thread.sleep(50);
        }
        assertEquals(HealthStatus.UP, health(indicator).getStatus());

        feed.stop(); // as a fault that ends the loop would

        HealthResult after = health(indicator);
        assertEquals(HealthStatus.DOWN, after.getStatus(), String.valueOf(after.getDetails()));
    }
}
