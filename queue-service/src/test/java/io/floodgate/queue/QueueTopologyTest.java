package io.floodgate.queue;

import io.floodgate.contracts.Event;
import io.floodgate.contracts.EventMeta;
import io.floodgate.contracts.Topics;
import io.floodgate.contracts.arrival.BuyerArrived;
import io.floodgate.contracts.queue.BuyerAdmitted;
import io.floodgate.contracts.queue.BuyerQueued;
import io.floodgate.contracts.queue.QueueEvent;
import io.floodgate.contracts.sale.SaleConfig;
import io.floodgate.contracts.sale.SaleCreated;
import io.floodgate.contracts.sale.SectionConfig;
import io.floodgate.platform.kafka.JsonSerde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueTopologyTest {
    private static final Instant START = Instant.parse("2026-11-22T20:00:00Z");
    private static final Duration TICK = Duration.ofMillis(200);

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Event> sales;
    private TestInputTopic<String, Event> arrivals;
    private TestOutputTopic<String, QueueEvent> queue;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "queue-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(new QueueTopology(new QueueSettings(TICK.toMillis())).topology(), props, START);
        sales = driver.createInputTopic(Topics.SALES.name(), new StringSerializer(), JsonSerde.of(Event.class));
        arrivals = driver.createInputTopic(Topics.ARRIVALS.name(), new StringSerializer(), JsonSerde.of(Event.class));
        queue = driver.createOutputTopic(Topics.QUEUE.name(), new StringDeserializer(), JsonSerde.of(QueueEvent.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void createSale(int ratePerSecond) {
        sales.pipeInput("demo", new SaleCreated(EventMeta.of("demo", "op", "req", START), "ops",
                new SaleConfig("Demo", START, "EUR", ratePerSecond, 1000, Duration.ofMinutes(5), Duration.ofMinutes(10),
                        6, List.of(new SectionConfig("floor", "Floor", 10, 10, 100)))));
    }

    private BuyerArrived arrive(String buyerId) {
        BuyerArrived arrived = new BuyerArrived(EventMeta.of("demo", "corr-" + buyerId + "-" + EventMeta.newId(),
                "req", START), buyerId);
        arrivals.pipeInput("demo", arrived);
        return arrived;
    }

    @Test
    void placesAreDenseAndInArrivalOrder() {
        createSale(10);
        arrive("a");
        arrive("b");
        arrive("c");

        List<QueueEvent> events = queue.readValuesToList();

        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> ((BuyerQueued) e).sequence()).toList());
        assertEquals(List.of("a", "b", "c"), events.stream().map(e -> ((BuyerQueued) e).buyerId()).toList());
    }

    @Test
    void aBuyerWhoJoinsAgainKeepsTheFirstPlaceAndCorrelation() {
        createSale(10);
        BuyerArrived first = arrive("alice");
        arrive("bob");
        BuyerArrived again = arrive("alice");

        List<QueueEvent> events = queue.readValuesToList();

        BuyerQueued repeat = (BuyerQueued) events.get(2);
        assertEquals(1, repeat.sequence());
        assertTrue(repeat.repeated());
        assertEquals(first.meta().correlationId(), repeat.meta().correlationId());
        assertEquals(again.meta().eventId(), repeat.meta().causationId());
    }

    @Test
    void buyersAreAdmittedInOrderAtTheSaleRate() {
        createSale(10);
        for (int i = 1; i <= 25; i++) {
            arrive("b" + i);
        }
        queue.readValuesToList();

        for (int step = 0; step < 5; step++) {
            driver.advanceWallClockTime(TICK);
        }
        List<BuyerAdmitted> admitted = queue.readValuesToList().stream().map(BuyerAdmitted.class::cast).toList();

        assertEquals(10, admitted.size(), "one second at 10 per second");
        assertEquals(1, admitted.get(0).sequence());
        assertEquals(10, admitted.get(9).sequence());
        for (int i = 1; i < admitted.size(); i++) {
            assertEquals(admitted.get(i - 1).sequence() + 1, admitted.get(i).sequence());
        }
        assertEquals(admitted.get(0).meta().occurredAt().plus(Duration.ofMinutes(5)), admitted.get(0).windowEndsAt());
    }

    @Test
    void admissionKeepsTheBuyersCorrelation() {
        createSale(10);
        BuyerArrived arrived = arrive("alice");
        queue.readValuesToList();

        driver.advanceWallClockTime(TICK);

        BuyerAdmitted admitted = (BuyerAdmitted) queue.readValue();
        assertEquals("alice", admitted.buyerId());
        assertEquals(arrived.meta().correlationId(), admitted.meta().correlationId());
    }

    @Test
    void anArrivalForAnUnknownSaleChangesNothing() {
        arrive("alice");

        assertTrue(queue.isEmpty());
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertTrue(queue.isEmpty());
    }
}
