package io.floodgate.payment.loop;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.checkoutanswer.CheckoutAccepted;
import io.floodgate.contracts.checkoutanswer.CheckoutAnswer;
import io.floodgate.contracts.deadletter.RecordDeadLettered;
import io.floodgate.contracts.payment.PaymentAuthorized;
import io.floodgate.kit.kafka.EmbeddedKafka;
import io.floodgate.kit.process.Ports;
import io.floodgate.payment.calls.ChargeCall;
import io.floodgate.payment.calls.FakeProvider;
import io.floodgate.payment.calls.PacedCaller;
import io.floodgate.payment.metrics.PaymentMetrics;
import io.floodgate.payment.pacing.Pacer;
import io.floodgate.payment.pacing.SaleRates;
import io.floodgate.payment.resilience.Backoff;
import io.floodgate.payment.resilience.CircuitBreaker;
import io.floodgate.platform.deadletter.DeadLetters;
import io.floodgate.platform.kafka.ConsumerLoop;
import io.floodgate.platform.kafka.JsonSerde;
import io.floodgate.platform.kafka.KafkaClients;
import io.floodgate.platform.kafka.KafkaSettings;
import io.floodgate.platform.kafka.TopicProvisioner;
import io.floodgate.platform.kafka.TopicSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real broker: one checkout nobody can read must not stop the charges behind it. */
class CheckoutLoopTest {
    private final Clock clock = Clock.systemUTC();
    @TempDir
    Path dir;
    private EmbeddedKafka kafka;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private PacedCaller caller() {
        CircuitBreaker circuit = new CircuitBreaker(clock, 3, Duration.ofMillis(100), Duration.ofMillis(200),
                new CircuitBreaker.Listener() {
                    @Override
                    public void opened(String reason, Instant since) {
                    }

                    @Override
                    public void closed(Duration unavailableFor) {
                    }
                });
        return new PacedCaller(new FakeProvider(clock), new Pacer(clock, 6_000, 0), new SaleRates(clock, 0), circuit,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0), Runnable::run, 8, 3, clock,
                new PaymentMetrics(new SimpleMeterRegistry(), "fake", () -> false));
    }

    @Test
    void anUnreadableCheckoutIsDeadLetteredAndTheNextIsCharged() throws Exception {
        kafka = EmbeddedKafka.start(dir, Ports.free(), Ports.free());
        KafkaClients clients = new KafkaClients(new KafkaSettings(kafka.bootstrapServers(), Map.of()));
        new TopicProvisioner(clients, new TopicSettings(1, (short) 1, true))
                .provision(List.of(Topics.CHECKOUT_ANSWERS, Topics.PAYMENTS));
        CheckoutAccepted good = new CheckoutAccepted(EventMeta.of("sale", "buyer-1", "req", Instant.now()),
                "hold-1", "buyer-1", "floor", 1_000, "EUR", "tok_visa");
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(clients.config(Map.of()), new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.CHECKOUT_ANSWERS.name(), "hold-0",
                    "{\"type\":\"CheckoutAccepted\",\"holdId\":".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(Topics.CHECKOUT_ANSWERS.name(), "hold-1",
                    JsonSerde.of(Event.class).serialize(Topics.CHECKOUT_ANSWERS.name(), good))).get();
        }
        KafkaProducer<String, Event> producer = clients.producer("payment-test");
        open.add(producer);
        KafkaConsumer<String, CheckoutAnswer> checkouts = clients.groupConsumer("payments-test",
                Topics.CHECKOUT_ANSWERS, Map.of());
        PaymentBatches<CheckoutAnswer> charges = new PaymentBatches<>(checkouts, Topics.CHECKOUT_ANSWERS,
                e -> e instanceof CheckoutAccepted c ? Optional.of(new ChargeCall(c)) : Optional.empty(), caller(),
                producer, (mine, total) -> { });
        List<RecordDeadLettered> letters = new CopyOnWriteArrayList<>();
        ConsumerLoop<CheckoutAnswer> loop = new ConsumerLoop<>("checkouts", checkouts, charges::subscribe, charges, true,
                new DeadLetters(letters::add, new SimpleMeterRegistry(), clock, "payment-service")).start();
        open.add(loop);

        KafkaConsumer<String, Event> payments = clients.viewConsumer("payments-reader", List.of(Topics.PAYMENTS));
        open.add(payments);
        ConsumerLoop.readWholly(payments, List.of(Topics.PAYMENTS));
        List<Event> outcomes = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (outcomes.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the checkout behind the unreadable one was never charged");
            payments.poll(Duration.ofMillis(200)).forEach(r -> outcomes.add(r.value()));
        }

        PaymentAuthorized authorized = (PaymentAuthorized) outcomes.get(0);
        assertEquals("hold-1", authorized.holdId());
        assertEquals(1, letters.size());
        assertEquals(0, letters.get(0).offset());
        assertEquals("payment-service/checkouts", letters.get(0).reader());
        assertTrue(loop.alive(), "the loop goes on");
    }
}
